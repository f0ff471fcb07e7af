using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Blocks;

public sealed class BlockVerifierTests
{
    [Fact]
    public void Verify_MatchingBlocks_Pass()
    {
        BlockVerifier.Verify(Cid.Compute(1, Multicodec.Raw, [1, 2]), [1, 2]);
        BlockVerifier.Verify(Cid.CreateIdentity(Multicodec.Raw, [3]), [3]);
    }

    [Fact]
    public void Verify_Mismatch_ThrowsNamingTheCid()
    {
        var cid = Cid.Compute(0, Multicodec.DagPb, [1]);

        var e = Assert.Throws<InvalidDataException>(() => BlockVerifier.Verify(cid, [2]));
        Assert.Contains(cid.ToString(), e.Message, StringComparison.Ordinal);
        Assert.False(BlockVerifier.Matches(Cid.CreateIdentity(Multicodec.Raw, [3]), [4]));
    }

    [Fact]
    public void Verify_OtherHashFunction_ThrowsNotSupported()
    {
        var e = Assert.Throws<NotSupportedException>(() => BlockVerifier.Verify(Cid.CreateV1(Multicodec.Raw, 0xb220, new byte[32]), []));
        Assert.Contains("0xb220", e.Message, StringComparison.Ordinal);
    }
}
