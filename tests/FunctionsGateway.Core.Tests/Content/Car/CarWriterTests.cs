using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Car;

public sealed class CarWriterTests
{
    [Fact]
    public async Task CreateAsync_OneRoot_WritesCanonicalHeaderAndSections()
    {
        var block = new byte[] { 0x0a, 0x02, 0x08, 0x01 };
        var cid = Cid.Compute(0, Multicodec.DagPb, block);
        var stream = new MemoryStream();

        var writer = await CarWriter.CreateAsync(stream, [cid]);
        await writer.WriteBlockAsync(cid, block);

        // carv1 spec: varint(len) ‖ {"roots": [tag 42 (0x00 ‖ CID)], "version": 1}, then varint(len) ‖ CID ‖ block.
        var expected = Convert.FromHexString(
            "38" + "a2" + "65726f6f7473" + "81" + "d82a" + "5823" + "00" + Convert.ToHexString(cid.Bytes) + "6776657273696f6e" + "01"
            + "26" + Convert.ToHexString(cid.Bytes) + "0a020801");
        Assert.Equal(expected, stream.ToArray());
        Assert.Equal(CarWriter.GetHeaderLength([cid]) + CarWriter.GetSectionLength(cid, block.Length), writer.BytesWritten);
    }
}
