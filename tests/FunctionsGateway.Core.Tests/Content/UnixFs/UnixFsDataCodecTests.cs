using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsDataCodecTests
{
    [Fact]
    public void Encode_EmptyFile_IsKubosBytes()
    {
        // spec/standards.md §4: the empty file's Data is 08 02 18 00.
        Assert.Equal([0x08, 0x02, 0x18, 0x00], UnixFsDataCodec.Encode(new UnixFsData { Type = UnixFsDataType.File, FileSize = 0 }));
    }

    [Fact]
    public void Encode_AllFields_RoundTrips()
    {
        var value = new UnixFsData
        {
            Type = UnixFsDataType.HamtShard,
            Data = new byte[] { 1, 2, 3 },
            FileSize = 300,
            BlockSizes = [262_144, 5],
            HashType = 0x22,
            Fanout = 256,
            Mode = 420,
            ModificationTime = new UnixFsTime(-5, 999),
        };

        var bytes = UnixFsDataCodec.Encode(value);
        var decoded = UnixFsDataCodec.Decode(bytes);

        Assert.Equal(bytes.Length, UnixFsDataCodec.GetEncodedLength(value));
        Assert.Equal(value.Type, decoded.Type);
        Assert.Equal([1, 2, 3], decoded.Data!.Value.ToArray());
        Assert.Equal(value.FileSize, decoded.FileSize);
        Assert.Equal(value.BlockSizes, decoded.BlockSizes);
        Assert.Equal(value.HashType, decoded.HashType);
        Assert.Equal(value.Fanout, decoded.Fanout);
        Assert.Equal(value.Mode, decoded.Mode);
        Assert.Equal(value.ModificationTime, decoded.ModificationTime);
        Assert.Equal(bytes, UnixFsDataCodec.Encode(decoded));
    }

    [Fact]
    public void Decode_PackedBlocksizesAndUnknownField_Accepted()
    {
        // Type=File, blocksizes packed [1, 300], field 9 (unknown) skipped, filesize before Type.
        var decoded = UnixFsDataCodec.Decode(Convert.FromHexString("1812" + "0802" + "220301ac02" + "4801"));

        Assert.Equal(UnixFsDataType.File, decoded.Type);
        Assert.Equal([1UL, 300UL], decoded.BlockSizes);
        Assert.Equal(18UL, decoded.FileSize);
    }

    [Theory]
    [InlineData("1800", "missing Type")]
    [InlineData("0809", "unknown Type 9")]
    [InlineData("08020802", "duplicate Type")]
    [InlineData("0802120a", "declares 10 bytes")]
    [InlineData("0a00", "wire type 2, expected 0")]
    [InlineData("08024203", "declares 3 bytes")]
    [InlineData("0802420215ff", "truncated fixed32")]
    public void Decode_Malformed_Throws(string hex, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => UnixFsDataCodec.Decode(Convert.FromHexString(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
