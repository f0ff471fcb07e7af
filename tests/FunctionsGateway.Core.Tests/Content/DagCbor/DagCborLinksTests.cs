using FunctionsGateway.Core.Content.DagCbor;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.DagCbor;

public sealed class DagCborLinksTests
{
    [Fact]
    public void Read_NestedLinks_InEncodingOrder()
    {
        var a = Cid.Compute(1, Multicodec.Raw, [1]);
        var b = Cid.Compute(0, Multicodec.DagPb, [2]);
        var link = (Cid c) => "d82a58" + (c.ByteLength + 1).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "00" + Convert.ToHexString(c.Bytes);
        // {"a": [1, -2, 1.5, link(a)], "b": {"c": link(b), "d": true}}
        var block = Convert.FromHexString("a2" + "6161" + "84" + "01" + "21" + "f93e00" + link(a) + "6162" + "a2" + "6163" + link(b) + "6164" + "f5");

        Assert.Equal([a, b], DagCborLinks.Read(block));
    }

    [Theory]
    [InlineData("c100", "tag 1 is not allowed")]
    [InlineData("9f", "indefinite-length")]
    [InlineData("0101", "bytes follow")]
    [InlineData("5a0000ffff00", "bytes declared")]
    public void Read_Malformed_Throws(string hex, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => DagCborLinks.Read(Convert.FromHexString(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
