using FunctionsGateway.Core.Gw3;

namespace FunctionsGateway.Core.Tests.Gw3;

public sealed class Gw3UploadTicketTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void TryDecode_EncodedTicket_RoundTrips()
    {
        var ticket = new Gw3UploadTicket(Gw3UploadOperation.Put, "owner", "cred", 42, "bafkqaaa", "/a/b.txt", Now.ToUnixTimeSeconds() + 60);
        var (args, signature) = ticket.Encode(Key);

        Assert.True(Gw3UploadTicket.TryDecode(Key, args, signature, Now, out var decoded, out _));
        Assert.Equal(ticket, decoded);
    }

    [Fact]
    public void TryDecode_TamperedExpiredOrOtherKey_Refused()
    {
        var (args, signature) = new Gw3UploadTicket(Gw3UploadOperation.Add, "owner", "cred", 1, null, null, Now.ToUnixTimeSeconds() + 60).Encode(Key);
        var (otherArgs, _) = new Gw3UploadTicket(Gw3UploadOperation.Add, "thief", "cred", 1, null, null, Now.ToUnixTimeSeconds() + 60).Encode(Key);

        Assert.False(Gw3UploadTicket.TryDecode(Key, otherArgs, signature, Now, out _, out var tampered));
        Assert.False(Gw3UploadTicket.TryDecode(Key, args, signature, Now.AddSeconds(61), out _, out var expired));
        Assert.False(Gw3UploadTicket.TryDecode(new byte[32], args, signature, Now, out _, out var wrongKey));
        Assert.False(Gw3UploadTicket.TryDecode(Key, args, null, Now, out _, out var missing));

        Assert.Equal("the upload URL's signature is not valid", tampered);
        Assert.Equal("the upload URL has expired", expired);
        Assert.Equal("the upload URL's signature is not valid", wrongKey);
        Assert.Equal("the upload URL lacks sargs or ssig", missing);
    }
}
