namespace FunctionsGateway.Core.Tests.Content.Support;

public sealed class ChaCha20KeystreamTests
{
    [Fact]
    public void Fill_Rfc8439BlockVector_Matches()
    {
        // RFC 8439 §2.3.2: key 00..1f, nonce 000000090000004a00000000, counter 1.
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var stream = new ChaCha20Keystream(key, Convert.FromHexString("000000090000004a00000000"), 1);
        var block = new byte[64];

        stream.Fill(block);

        Assert.Equal("10f1e7e4d13b5915500fdd1fa32071c4", Convert.ToHexStringLower(block.AsSpan(0, 16)));
        Assert.Equal("b5129cd1de164eb9cbd083e8a2503c4e", Convert.ToHexStringLower(block.AsSpan(48, 16)));
    }

    [Fact]
    public void Fill_AnySlicing_GivesTheSameStream()
    {
        var whole = ChaCha20Keystream.Bytes("seed", 1000);
        var stream = ChaCha20Keystream.FromSeed("seed");
        var pieces = new byte[1000];
        for (var i = 0; i < 1000; i += 7)
        {
            stream.Fill(pieces.AsSpan(i, Math.Min(7, 1000 - i)));
        }

        Assert.Equal(whole, pieces);
    }
}
