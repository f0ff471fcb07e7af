using System.Security.Cryptography;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Decoo;

/// <summary>Reading registered RSA public keys: the PEM forms Node and OpenSSL write, and what is refused.</summary>
public sealed class DecooPublicKeyTests
{
    [Fact]
    public async Task TryParse_SpkiAndPkcs1OfOneKey_SameKeyStoredAsSpki()
    {
        var pair = await DecooSdkReference.GenerateKeyPairAsync();

        Assert.True(DecooPublicKey.TryParse(pair.SpkiPem, out var fromSpki, out var spkiParameters, out _));
        Assert.True(DecooPublicKey.TryParse(pair.Pkcs1Pem, out var fromPkcs1, out var pkcs1Parameters, out _));

        Assert.Equal(fromSpki, fromPkcs1);
        Assert.Equal(spkiParameters.Modulus, pkcs1Parameters.Modulus);
        Assert.Equal(spkiParameters.Modulus, DecooPublicKey.FromSubjectPublicKeyInfo(fromSpki).Modulus);
        Assert.Equal(1024, spkiParameters.Modulus!.Length * 8);
    }

    [Fact]
    public async Task TryParse_PrivateKeyPem_RefusedNamingTheLabel()
    {
        var pair = await DecooSdkReference.GenerateKeyPairAsync();

        Assert.False(DecooPublicKey.TryParse(pair.PrivateKeyPem, out _, out _, out var error));
        Assert.Contains("PRIVATE KEY", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    public void TryParse_NotAnRsaPublicKey_Refused(string pem) =>
        Assert.False(DecooPublicKey.TryParse(pem, out _, out _, out _));

    [Fact]
    public async Task TryParse_TwoBlocksOrTooSmall_Refused()
    {
        var pair = await DecooSdkReference.GenerateKeyPairAsync();
        using var small = RSA.Create(512);

        Assert.False(DecooPublicKey.TryParse(pair.SpkiPem + pair.SpkiPem, out _, out _, out var twice));
        Assert.False(DecooPublicKey.TryParse(small.ExportSubjectPublicKeyInfoPem(), out _, out _, out var tooSmall));
        Assert.Contains("exactly one", twice, StringComparison.Ordinal);
        Assert.Contains("512 bits", tooSmall, StringComparison.Ordinal);
    }
}
