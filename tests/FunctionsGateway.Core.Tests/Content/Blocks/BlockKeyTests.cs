using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Blocks;

public sealed class BlockKeyTests
{
    [Fact]
    public void For_CidV0AndItsV1_SameKey()
    {
        var v0 = Cid.Parse("Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD");
        Assert.Equal(BlockKey.For(v0), BlockKey.For(v0.ToV1()));
    }

    [Fact]
    public void For_Sha256Multihash_Base32OfTheMultihashBytes()
    {
        var cid = Cid.Parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
        // The multihash starts 0x12 0x20: base32 "ci" + the digest.
        Assert.StartsWith("ciq", BlockKey.For(cid), StringComparison.Ordinal);
        Assert.Equal(55, BlockKey.For(cid).Length); // 34 bytes = 272 bits = 55 base32 digits
    }

    [Fact]
    public void For_EmptyCid_Throws() => Assert.Throws<ArgumentException>(() => BlockKey.For(default));
}
