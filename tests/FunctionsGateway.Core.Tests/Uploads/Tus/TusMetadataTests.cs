using FunctionsGateway.Core.Uploads.Tus;

namespace FunctionsGateway.Core.Tests.Uploads.Tus;

public sealed class TusMetadataTests
{
    [Fact]
    public void TryParse_SpecExample_DecodesValuesAndKeepsKeysWithout()
    {
        Assert.True(TusMetadata.TryParse(TusTestVectors.SpecMetadata, out var metadata, out _));

        Assert.Equal(TusTestVectors.SpecMetadataFileName, metadata.FileName);
        Assert.True(metadata.Values.ContainsKey("is_confidential"));
        Assert.Null(metadata.Get("is_confidential"));
        Assert.Null(metadata.FileType);
        Assert.Equal(TusTestVectors.SpecMetadata, metadata.Raw);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParse_Absent_Empty(string? header)
    {
        Assert.True(TusMetadata.TryParse(header, out var metadata, out _));
        Assert.Empty(metadata.Values);
    }

    [Fact]
    public void TryParse_Utf8Value_Decoded()
    {
        Assert.True(TusMetadata.TryParse("filename " + Convert.ToBase64String("résumé.pdf"u8.ToArray()) + ", filetype YXBwbGljYXRpb24vcGRm", out var metadata, out _));

        Assert.Equal("résumé.pdf", metadata.FileName);
        Assert.Equal("application/pdf", metadata.FileType);
    }

    [Theory]
    [MemberData(nameof(TusTestVectors.BadMetadata), MemberType = typeof(TusTestVectors))]
    public void TryParse_Malformed_RefusedWithReason(string header)
    {
        Assert.False(TusMetadata.TryParse(header, out _, out var error));
        Assert.Contains("Upload-Metadata", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LongerThanTheLimit_Refused()
    {
        Assert.False(TusMetadata.TryParse("k " + new string('A', TusMetadata.MaxLength), out _, out var error));
        Assert.Contains("longer", error, StringComparison.Ordinal);
    }
}
