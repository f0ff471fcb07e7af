using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.DagPb;

public sealed class DagPbCodecTests
{
    private static readonly Cid Target = Cid.Parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");

    [Fact]
    public void Encode_LinksAndData_WritesLinksFirstAndRoundTrips()
    {
        var node = new DagPbNode([new DagPbLink(Target, "a", 4), new DagPbLink(Target, string.Empty, null), new DagPbLink(Target, null, 0)], new byte[] { 8, 1 });

        var bytes = DagPbCodec.Encode(node);
        var decoded = DagPbCodec.Decode(bytes);

        Assert.Equal(0x12, bytes[0]);
        Assert.Equal([0x0a, 0x02, 0x08, 0x01], bytes[^4..]);
        Assert.Equal(node.Links, decoded.Links);
        Assert.Equal([8, 1], decoded.Data!.Value.ToArray());
        Assert.Equal(bytes, DagPbCodec.Encode(decoded));
    }

    [Fact]
    public void Encode_EmptyName_IsWrittenAsEmptyField()
    {
        var bytes = DagPbCodec.Encode(new DagPbNode([new DagPbLink(Target, string.Empty, 1)], null));

        // 12 len | 0a 22 <34-byte CID> | 12 00 | 18 01
        Assert.Equal([0x12, 0x00, 0x18, 0x01], bytes[^4..]);
    }

    [Fact]
    public void Decode_DataBeforeLinks_IsAccepted()
    {
        var links = DagPbCodec.Encode(new DagPbNode([new DagPbLink(Target, "x", 1)], null));
        byte[] dataFirst = [0x0a, 0x02, 0x08, 0x01, .. links];

        var node = DagPbCodec.Decode(dataFirst);

        Assert.Single(node.Links);
        Assert.Equal(2, node.Data!.Value.Length);
    }

    [Fact]
    public void Decode_Empty_IsNodeWithoutDataOrLinks()
    {
        var node = DagPbCodec.Decode(ReadOnlyMemory<byte>.Empty);

        Assert.Empty(node.Links);
        Assert.Null(node.Data);
    }

    [Theory]
    [InlineData("0a0208010a020801", "duplicate Data")]
    [InlineData("1a00", "unknown field 3")]
    [InlineData("0801", "wire type 0, expected 2")]
    [InlineData("0a05", "declares 5 bytes")]
    [InlineData("0a", "truncated varint")]
    [InlineData("12021800", "missing Hash")]
    [InlineData("120412001801", "missing Hash")]
    [InlineData("12040a021234", "Hash is not a CID")]
    [InlineData("1202ff01", "unknown field 31")]
    public void Decode_Malformed_Throws(string hex, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => DagPbCodec.Decode(Convert.FromHexString(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LinkFieldsOutOfOrder_Throws()
    {
        // PBLink{Name="", Hash=…}: the spec requires Hash, Name, Tsize in that order.
        byte[] link = [0x12, 0x00, 0x0a, 0x22, .. Target.Bytes];
        byte[] block = [0x12, (byte)link.Length, .. link];

        var e = Assert.Throws<InvalidDataException>(() => DagPbCodec.Decode(block));
        Assert.Contains("field 1 after field 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LinksOnBothSidesOfData_Throws()
    {
        var link = DagPbCodec.Encode(new DagPbNode([new DagPbLink(Target, null, null)], null));
        byte[] block = [.. link, 0x0a, 0x00, .. link];

        var e = Assert.Throws<InvalidDataException>(() => DagPbCodec.Decode(block));
        Assert.Contains("both sides of Data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NameNotUtf8_Throws()
    {
        byte[] link = [0x0a, 0x22, .. Target.Bytes, 0x12, 0x01, 0xff];
        byte[] block = [0x12, (byte)link.Length, .. link];

        var e = Assert.Throws<InvalidDataException>(() => DagPbCodec.Decode(block));
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
    }
}
