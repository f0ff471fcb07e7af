using FunctionsGateway.Core.Storage.Backends.Mefs;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

public sealed class MefsObjectRefTests
{
    [Theory]
    [InlineData("fg-0190aa", "0190aa/report.pdf", "9b2cf535f27731c974343645a3985328")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "id/a/b/c.txt", "d41d8cd98f00b204e9800998ecf8427e-12")]
    [InlineData("abc", "k", "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")]
    [InlineData("abc", "a key with spaces & ünïcode/", "odd/etag%with@marks")]
    public void ToString_ThenParse_RoundTrips(string bucket, string key, string etag)
    {
        var written = new MefsObjectRef(bucket, key, etag).ToString();

        Assert.Equal(new MefsObjectRef(bucket, key, etag), MefsObjectRef.Parse(written));
    }

    [Fact]
    public void ToString_Layout_BucketThenETagThenKey() =>
        Assert.Equal("fg-x1/abc-2/id/name.bin", new MefsObjectRef("fg-x1", "id/name.bin", "abc-2").ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("owner/0190aabbccddeeff0011223344556677")]
    [InlineData("/etag/key")]
    [InlineData("bucket//key")]
    [InlineData("bucket/etag/")]
    [InlineData("Not_A_Bucket/etag/key")]
    public void TryParse_NotAMefsRef_False(string? text)
    {
        Assert.False(MefsObjectRef.TryParse(text, out _));
        Assert.Throws<FormatException>(() => MefsObjectRef.Parse(text));
    }

    [Theory]
    [InlineData("\"9b2c\"", "9b2c")]
    [InlineData("W/\"9b2c\"", "9b2c")]
    [InlineData("9b2c-3", "9b2c-3")]
    [InlineData(null, "")]
    public void NormalizeETag_QuotedOrWeak_BareValue(string? etag, string expected) =>
        Assert.Equal(expected, MefsObjectRef.NormalizeETag(etag));
}
