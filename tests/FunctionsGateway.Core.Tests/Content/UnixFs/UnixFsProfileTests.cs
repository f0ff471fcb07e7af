using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsProfileTests
{
    [Fact]
    public void Presets_MatchIpip499()
    {
        var v0 = UnixFsProfile.UnixFsV0_2015;
        var v1 = UnixFsProfile.UnixFsV1_2025;

        Assert.Equal((0, 262_144, 174, false, DirectorySizeEstimation.Links), (v0.CidVersion, v0.ChunkSize, v0.MaxLinks, v0.RawLeaves, v0.DirectorySizeEstimation));
        Assert.Equal((1, 1_048_576, 1024, true, DirectorySizeEstimation.Block), (v1.CidVersion, v1.ChunkSize, v1.MaxLinks, v1.RawLeaves, v1.DirectorySizeEstimation));
        Assert.Equal(Multicodec.Raw, v1.LeafCodec);
        Assert.Equal(1, v1.LeafCidVersion);
    }

    [Theory]
    [InlineData(0, null, false)]
    [InlineData(1, null, true)]
    [InlineData(1, false, false)]
    [InlineData(0, true, true)]
    public void ForKubo_CidVersion1_EnablesRawLeavesUnlessSet(int cidVersion, bool? rawLeaves, bool expected)
    {
        var profile = UnixFsProfile.ForKubo(cidVersion, rawLeaves: rawLeaves);

        Assert.Equal(expected, profile.RawLeaves);
        Assert.Equal(174, profile.MaxLinks);
        Assert.Equal(262_144, profile.ChunkSize);
    }

    [Theory]
    [InlineData(2, 262_144, 174)]
    [InlineData(0, 0, 174)]
    [InlineData(0, 2_096_897, 174)]
    [InlineData(0, 262_144, 1)]
    [InlineData(0, 262_144, 16_385)]
    public void Validate_OutOfRange_Throws(int cidVersion, int chunkSize, int maxLinks)
    {
        var profile = new UnixFsProfile { CidVersion = cidVersion, ChunkSize = chunkSize, MaxLinks = maxLinks };

        Assert.Throws<ArgumentOutOfRangeException>(profile.Validate);
    }

    [Theory]
    [InlineData("size-2096896", 2_096_896, null)]
    [InlineData("size-1", 1, null)]
    [InlineData(null, 262_144, null)]
    [InlineData("size-0", 0, "whole number from 1")]
    [InlineData("size-2096897", 0, "whole number from 1")]
    [InlineData("size-x", 0, "whole number from 1")]
    [InlineData("rabin-262144", 0, "only size-N")]
    [InlineData("buzhash", 0, "only size-N")]
    public void TryParseChunker_KuboSyntax_ParsesOrSaysWhy(string? chunker, int expected, string? error)
    {
        var ok = UnixFsProfile.TryParseChunker(chunker, out var size, out var reason);

        Assert.Equal(error is null, ok);
        if (ok)
        {
            Assert.Equal(expected, size);
        }
        else
        {
            Assert.Contains(error!, reason, StringComparison.Ordinal);
        }
    }
}
