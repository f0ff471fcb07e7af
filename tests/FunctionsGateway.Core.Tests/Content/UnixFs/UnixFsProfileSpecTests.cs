using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsProfileSpecTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unixfs-v0-2015")]
    public void TryParse_V0NameOrNothing_KuboDefault(string? text)
    {
        Assert.True(UnixFsProfileSpec.TryParse(text, out var profile, out _));
        Assert.Equal(UnixFsProfile.UnixFsV0_2015, profile);
    }

    [Fact]
    public void TryParse_V1Name_Ipip499Profile()
    {
        Assert.True(UnixFsProfileSpec.TryParse("unixfs-v1-2025", out var profile, out _));
        Assert.Equal(UnixFsProfile.UnixFsV1_2025, profile);
    }

    [Fact]
    public void TryParse_CidVersion1Alone_RawLeavesAsKuboDefaults()
    {
        Assert.True(UnixFsProfileSpec.TryParse("cid-version=1", out var profile, out _));
        Assert.Equal(UnixFsProfile.ForKubo(cidVersion: 1), profile);
    }

    [Fact]
    public void Format_ThenParse_SameProfile()
    {
        var profiles = new[]
        {
            UnixFsProfile.UnixFsV0_2015,
            UnixFsProfile.UnixFsV1_2025,
            UnixFsProfile.ForKubo(1, 65536, rawLeaves: false) with { MaxLinks = 7 },
        };
        foreach (var profile in profiles)
        {
            Assert.True(UnixFsProfileSpec.TryParse(UnixFsProfileSpec.Format(profile), out var parsed, out var error), error);
            Assert.Equal(profile, parsed);
        }
    }

    [Theory]
    [InlineData("cid-version=2")]
    [InlineData("chunker=rabin")]
    [InlineData("chunker=size-0")]
    [InlineData("max-links=1")]
    [InlineData("raw-leaves=yes")]
    [InlineData("dir-size=huge")]
    [InlineData("colour=blue")]
    [InlineData("cid-version=1,cid-version=0")]
    [InlineData("cid-version")]
    public void TryParse_BadOption_FalseNamingIt(string text)
    {
        Assert.False(UnixFsProfileSpec.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
