using System.Numerics;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Scale;

public sealed class ScaleReaderTests
{
    [Theory]
    [MemberData(nameof(ScaleTestVectors.Compacts), MemberType = typeof(ScaleTestVectors))]
    public void ReadCompactBigInteger_Vector_RoundTrips(string expected, string encoding)
    {
        var reader = new ScaleReader(Convert.FromHexString(encoding));
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reader.ReadCompactBigInteger());
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [MemberData(nameof(ScaleTestVectors.NonCanonicalCompacts), MemberType = typeof(ScaleTestVectors))]
    public void ReadCompact_NotShortestForm_Throws(string encoding) =>
        Assert.Throws<FormatException>(() => new ScaleReader(Convert.FromHexString(encoding)).ReadCompactBigInteger());

    [Fact]
    public void ReadComposite_ReferenceExamples_Decode()
    {
        var reader = new ScaleReader(Convert.FromHexString("012a00" + "0100" + "18040008000f00100017002a00" + "2868656c6c6f2063657373"));
        Assert.Equal((byte)42, reader.ReadOptionValue(r => r.ReadU8()));
        Assert.Null(reader.ReadOptionValue(r => r.ReadU8()));
        var result = reader.ReadResult(r => r.ReadU8(), r => r.ReadBool());
        Assert.False(result.IsOk);
        Assert.False(result.Error);
        Assert.Equal(new ushort[] { 4, 8, 15, 16, 23, 42 }, reader.ReadVec(r => r.ReadU16()));
        Assert.Equal("hello cess", reader.ReadString());
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Read_TruncatedOrInvalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => new ScaleReader(new byte[] { 1, 2, 3 }).ReadU32());
        Assert.Throws<FormatException>(() => new ScaleReader(new byte[] { 2 }).ReadBool());
        Assert.Throws<FormatException>(() => new ScaleReader(new byte[] { 0x10, 1 }).ReadBytes()); // length 4, one byte left
        Assert.Throws<FormatException>(() => new ScaleReader(new byte[] { 1, 0 }).EnsureAtEnd());
    }

    [Fact]
    public void ReadU128_MaxValue_RoundTrips()
    {
        var bytes = new ScaleWriter().WriteU128(UInt128.MaxValue).WriteCompact(UInt128.MaxValue).ToArray();
        var reader = new ScaleReader(bytes);
        Assert.Equal(UInt128.MaxValue, reader.ReadU128());
        Assert.Equal(UInt128.MaxValue, reader.ReadCompactU128());
    }
}
