using FunctionsGateway.Core.Uploads.Tus;

namespace FunctionsGateway.Core.Tests.Uploads.Tus;

public sealed class TusProtocolTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("100", 100L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryParseSize_Digits_Parsed(string value, long expected)
    {
        Assert.True(TusProtocol.TryParseSize(value, out var size));
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    public void TryParseSize_NotANonNegativeInteger_Refused(string? value) => Assert.False(TusProtocol.TryParseSize(value, out _));

    [Fact]
    public void FormatExpires_AnyOffset_Rfc9110DateInGmt() =>
        Assert.Equal("Wed, 25 Jun 2025 14:30:00 GMT", TusProtocol.FormatExpires(new DateTimeOffset(2025, 6, 25, 16, 30, 0, TimeSpan.FromHours(2))));
}
