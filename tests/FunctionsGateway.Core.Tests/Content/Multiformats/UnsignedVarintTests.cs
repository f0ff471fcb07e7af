using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Multiformats;

public sealed class UnsignedVarintTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(255UL, "ff01")]
    [InlineData(300UL, "ac02")]
    [InlineData(16384UL, "808001")]
    [InlineData(long.MaxValue, "ffffffffffffffff7f")]
    public void Write_Value_GivesSpecEncodingAndReadsBack(ulong value, string hex)
    {
        var buffer = new byte[UnsignedVarint.MaxLength];
        var length = UnsignedVarint.Write(buffer, value);

        Assert.Equal(hex, Convert.ToHexStringLower(buffer.AsSpan(0, length)));
        Assert.Equal(length, UnsignedVarint.GetByteCount(value));
        Assert.Equal(VarintReadStatus.Ok, UnsignedVarint.TryRead(buffer.AsSpan(0, length), out var read, out var consumed));
        Assert.Equal(value, read);
        Assert.Equal(length, consumed);
    }

    [Theory]
    [InlineData("", "Truncated")]
    [InlineData("80", "Truncated")]
    [InlineData("ffff", "Truncated")]
    [InlineData("8000", "Overlong")]
    [InlineData("ff00", "Overlong")]
    [InlineData("ffffffffffffffffff01", "Overflow")]
    [InlineData("808080808080808080", "Overflow")]
    public void TryRead_InvalidInput_ReportsWhy(string hex, string expected)
    {
        Assert.Equal(Enum.Parse<VarintReadStatus>(expected), UnsignedVarint.TryRead(Convert.FromHexString(hex), out _, out _));
    }

    [Fact]
    public void TryRead_TrailingBytes_ReadsOnlyTheVarint()
    {
        Assert.Equal(VarintReadStatus.Ok, UnsignedVarint.TryRead([0xac, 0x02, 0xff], out var value, out var read));
        Assert.Equal(300UL, value);
        Assert.Equal(2, read);
    }

    [Fact]
    public void Write_AboveNineBytes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnsignedVarint.Write(new byte[10], ulong.MaxValue));
    }

    [Fact]
    public void Read_Truncated_ThrowsFormatExceptionNamingTheField()
    {
        var e = Assert.Throws<FormatException>(() => UnsignedVarint.Read([0x80], "CID codec", out _));
        Assert.Contains("CID codec", e.Message, StringComparison.Ordinal);
    }
}
