using System.Numerics;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class AbiDecoderTests
{
    private static string Word(string hex) => hex.PadLeft(64, '0');

    [Theory]
    [InlineData("bool", "02")]
    [InlineData("uint8", "0100")]
    [InlineData("address", "010000000000000000000000000000000000000000")]
    [InlineData("int8", "80")]
    public void Decode_DirtyWord_ThrowsFormatException(string type, string word)
    {
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.Parse(type), Convert.FromHexString(Word(word))));
    }

    [Fact]
    public void Decode_NegativeInt8_ReturnsSignExtendedValue()
    {
        var value = AbiDecoder.Decode(AbiType.Parse("int8"), Convert.FromHexString(new string('f', 63) + "e"));

        Assert.Equal(new BigInteger(-2), value);
    }

    [Theory]
    [InlineData("string", "20", "")]
    [InlineData("string", "40", "01")]
    [InlineData("bytes", "20", "ff")]
    [InlineData("uint256[]", "20", "ffffffff")]
    public void Decode_OffsetOrLengthPastData_ThrowsFormatException(string type, string offset, string length)
    {
        var data = Convert.FromHexString(Word(offset) + (length.Length > 0 ? Word(length) : string.Empty));

        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.Parse(type), data));
    }

    [Fact]
    public void Decode_ShortStaticData_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => AbiDecoder.Decode([AbiType.UnsignedInteger(256), AbiType.Bool], new byte[40]));
    }

    [Fact]
    public void Decode_NestedDynamicTuple_ReturnsNestedArrays()
    {
        var type = AbiType.Parse("(uint256,string,(bytes,address[])[],bool)");
        object?[] value = [new BigInteger(5), "five", new object?[] { new object?[] { new byte[] { 1, 2 }, Array.Empty<object?>() } }, true];

        var decoded = (object?[])AbiDecoder.Decode(type, AbiEncoder.Encode(type, value))!;

        Assert.Equal(new BigInteger(5), decoded[0]);
        Assert.Equal("five", decoded[1]);
        var inner = (object?[])((object?[])decoded[2]!)[0]!;
        Assert.Equal(new byte[] { 1, 2 }, inner[0]);
        Assert.Empty((object?[])inner[1]!);
        Assert.Equal(true, decoded[3]);
    }
}
