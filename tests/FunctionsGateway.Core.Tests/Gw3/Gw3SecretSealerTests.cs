using FunctionsGateway.Core.Gw3;

namespace FunctionsGateway.Core.Tests.Gw3;

public sealed class Gw3SecretSealerTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Open_Sealed_SecretBack_NotStoredInClear()
    {
        var sealedSecret = Gw3SecretSealer.Seal(Key, "c2VjcmV0", "row");

        Assert.DoesNotContain("c2VjcmV0", sealedSecret, StringComparison.Ordinal);
        Assert.StartsWith("v1.", sealedSecret, StringComparison.Ordinal);
        Assert.Equal("c2VjcmV0", Gw3SecretSealer.Open(Key, sealedSecret, "row"));
    }

    [Fact]
    public void Open_OtherRowOtherKeyOrGarbage_Null()
    {
        var sealedSecret = Gw3SecretSealer.Seal(Key, "c2VjcmV0", "row");

        Assert.Null(Gw3SecretSealer.Open(Key, sealedSecret, "another row"));
        Assert.Null(Gw3SecretSealer.Open(new byte[32], sealedSecret, "row"));
        Assert.Null(Gw3SecretSealer.Open(Key, "v1.AAAA", "row"));
        Assert.Null(Gw3SecretSealer.Open(Key, null, "row"));
    }
}
