using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Car;

public sealed class CarHeaderCodecTests
{
    [Fact]
    public void Decode_EncodedRoots_RoundTrips()
    {
        var roots = Enumerable.Range(0, 30).Select(i => Cid.Compute(i % 2, Multicodec.DagPb, [(byte)i])).ToArray();

        Assert.Equal(roots, CarHeaderCodec.Decode(CarHeaderCodec.Encode(roots)).Roots);
    }

    [Fact]
    public void Decode_KeysInOtherOrderAndUnknownKey_Accepted()
    {
        // {"version": 1, "x": [1, {"a": h'00'}], "roots": []}
        var header = Convert.FromHexString("a3" + "6776657273696f6e01" + "6178" + "8201a1616141" + "00" + "65726f6f747380");

        Assert.Empty(CarHeaderCodec.Decode(header).Roots);
    }

    [Theory]
    [InlineData("a26776657273696f6e016776657273696f6e01", "duplicate key")]
    [InlineData("a265726f6f747381d82a420001" + "6776657273696f6e01", "invalid CID link")]
    [InlineData("a265726f6f747381d82a4101" + "6776657273696f6e01", "0x00 multibase prefix")]
    [InlineData("a265726f6f747381d82b4100" + "6776657273696f6e01", "expected a CID (tag 42)")]
    [InlineData("bf", "indefinite-length")]
    [InlineData("a16776657273696f6e0100", "bytes follow the header map")]
    public void Decode_Malformed_Throws(string hex, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => CarHeaderCodec.Decode(Convert.FromHexString(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
