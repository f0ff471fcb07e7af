using System.Security.Cryptography;
using FunctionsGateway.Core.Uploads.Tus;

namespace FunctionsGateway.Core.Tests.Uploads.Tus;

public sealed class TusChecksumTests
{
    [Theory]
    [InlineData("sha256 " + TusTestVectors.Sha256OfAbc)]
    [InlineData("SHA256 " + TusTestVectors.Sha256OfAbc)]
    public void TryParse_Sha256_MatchesTheBodysDigestOnly(string header)
    {
        Assert.True(TusChecksum.TryParse(header, out var checksum, out _));
        using var hash = checksum!.CreateHash();
        hash.AppendData("abc"u8);

        Assert.True(checksum.Matches(hash.GetHashAndReset()));
        Assert.False(checksum.Matches(SHA256.HashData("abd"u8)));
    }

    [Theory]
    [InlineData(TusTestVectors.SpecChecksumSha1, "not supported")]
    [InlineData("sha256", "separated by a space")]
    [InlineData("sha256 not-base64!", "SHA-256")]
    [InlineData("sha256 YWJj", "SHA-256")]
    [InlineData(null, "separated by a space")]
    public void TryParse_UnsupportedOrMalformed_RefusedWithReason(string? header, string reason)
    {
        Assert.False(TusChecksum.TryParse(header, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
