using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Tests.Chains.Cess;

public sealed class CessValueDecoderTests
{
    [Fact]
    public void DecodeTerritory_SpecExample_ReadsFieldsInOrder()
    {
        // spec/cess.md §1.4: the territory after mint_territory(10, "terr1", 30) at block 3 and one declared segment.
        var value = new ScaleWriter()
            .WriteRaw(new byte[32])
            .WriteU128(10737418240).WriteU128(0).WriteU128(100663296).WriteU128(10636754944)
            .WriteU32(3).WriteU32(432003).WriteU8(0)
            .ToArray();

        var territory = CessValueDecoder.DecodeTerritory(value);

        Assert.Equal((UInt128)10737418240, territory.TotalSpace);
        Assert.Equal((UInt128)100663296, territory.LockedSpace);
        Assert.Equal((UInt128)10636754944, territory.RemainingSpace);
        Assert.Equal((3u, 432003u, TerritoryState.Active), (territory.Start, territory.Deadline, territory.State));
    }

    [Fact]
    public void DecodeTerritory_TrailingOrUnknownState_Throws()
    {
        var value = new ScaleWriter().WriteRaw(new byte[32]).WriteU128(0).WriteU128(0).WriteU128(0).WriteU128(0).WriteU32(0).WriteU32(0);
        Assert.Throws<FormatException>(() => CessValueDecoder.DecodeTerritory(new ScaleWriter().WriteRaw(value.WrittenSpan).WriteU8(9).ToArray()));
        Assert.Throws<FormatException>(() => CessValueDecoder.DecodeTerritory(new ScaleWriter().WriteRaw(value.WrittenSpan).WriteU8(0).WriteU8(0).ToArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DecodeDeal_UserBriefShape_FollowsRuntime(bool withBucket)
    {
        var user = Enumerable.Repeat((byte)9, 32).ToArray();
        var fid = System.Text.Encoding.ASCII.GetBytes(CessTestVectors.HelloFid);
        var segment = System.Text.Encoding.ASCII.GetBytes(CessTestVectors.HelloSegmentHash);
        var writer = new ScaleWriter().WriteU128(5)
            .WriteCompact(1).WriteRaw(segment).WriteCompact(12);
        for (var i = 0; i < 12; i++)
        {
            writer.WriteRaw(fid);
        }

        writer.WriteRaw(user).WriteString("hello.txt");
        if (withBucket)
        {
            writer.WriteString("bucket1");
        }

        writer.WriteString("terr1").WriteCompact(1).WriteU8(3).WriteRaw(user);

        var deal = new CessValueDecoder(Ss58Address.CessPrefix, withBucket).DecodeDeal(writer.ToArray());

        Assert.Equal((UInt128)5, deal.FileSize);
        Assert.Equal(CessTestVectors.HelloSegmentHash, deal.Segments.Single().Hash);
        Assert.Equal(12, deal.Segments.Single().FragmentHashes.Count);
        var address = Ss58Address.Encode(user);
        Assert.Equal(new UserBrief(address, "hello.txt", withBucket ? "bucket1" : null, "terr1"), deal.User);
        Assert.Equal([((byte)3, address)], deal.CompletedMiners);
    }
}
