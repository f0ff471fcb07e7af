using System.Numerics;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Scale;

public sealed class ScaleWriterTests
{
    [Theory]
    [MemberData(nameof(ScaleTestVectors.Compacts), MemberType = typeof(ScaleTestVectors))]
    public void WriteCompact_Value_MatchesVector(string value, string expected) =>
        Assert.Equal(expected, Hex(new ScaleWriter().WriteCompact(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

    // The remaining examples of the SCALE codec reference (docs.substrate.io/reference/scale-codec).
    [Fact]
    public void WriteFixedWidth_ReferenceExamples_AreLittleEndian()
    {
        Assert.Equal("45", Hex(new ScaleWriter().WriteU8(69)));
        Assert.Equal("2a00", Hex(new ScaleWriter().WriteU16(42)));
        Assert.Equal("ffffff00", Hex(new ScaleWriter().WriteU32(16777215)));
        Assert.Equal("01", Hex(new ScaleWriter().WriteBool(true)));
        Assert.Equal("00", Hex(new ScaleWriter().WriteBool(false)));
    }

    [Fact]
    public void WriteOptionResultVecTupleEnum_ReferenceExamples()
    {
        // Option<u8>: Some(42) = 0x012a, None = 0x00
        Assert.Equal("012a", Hex(new ScaleWriter().WriteOption<byte?>(42, (w, v) => w.WriteU8(v!.Value))));
        Assert.Equal("00", Hex(new ScaleWriter().WriteOption<byte?>(null, (w, v) => w.WriteU8(v!.Value))));
        // Result<u8, bool>: Ok(42) = 0x002a, Err(false) = 0x0100
        Assert.Equal("002a", Hex(new ScaleWriter().WriteVariant(0).WriteU8(42)));
        Assert.Equal("0100", Hex(new ScaleWriter().WriteVariant(1).WriteBool(false)));
        // Vec<u16> [4, 8, 15, 16, 23, 42]
        ushort[] items = [4, 8, 15, 16, 23, 42];
        Assert.Equal("18040008000f00100017002a00", Hex(new ScaleWriter().WriteVec(items, (w, v) => w.WriteU16(v))));
        // (Compact<u32>(3), false)
        Assert.Equal("0c00", Hex(new ScaleWriter().WriteCompact(3).WriteBool(false)));
        // enum IntOrBool { Int(u8), Bool(bool) }: Int(42) = 0x002a, Bool(true) = 0x0101
        Assert.Equal("002a", Hex(new ScaleWriter().WriteVariant(0).WriteU8(42)));
        Assert.Equal("0101", Hex(new ScaleWriter().WriteVariant(1).WriteBool(true)));
        // String "hello cess" as Vec<u8> (spec/cess.md §4.3 remark argument)
        Assert.Equal("2868656c6c6f2063657373", Hex(new ScaleWriter().WriteString("hello cess")));
    }

    private static string Hex(ScaleWriter writer) => Convert.ToHexStringLower(writer.WrittenSpan);
}
