using FunctionsGateway.Ctl.Commands.Quotas;

namespace FunctionsGateway.Ctl.Tests.Commands.Quotas;

/// <summary><see cref="ByteCount"/>: sizes as operators write them.</summary>
public sealed class ByteCountTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1048576", 1048576L)]
    [InlineData("512KiB", 524288L)]
    [InlineData("10 GiB", 10737418240L)]
    [InlineData("2TB", 2000000000000L)]
    [InlineData("3mb", 3000000L)]
    [InlineData("7B", 7L)]
    [InlineData("unlimited", null)]
    public void TryParse_Valid_TheCount(string text, long? expected)
    {
        Assert.True(ByteCount.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5GiB")]
    [InlineData("GiB")]
    [InlineData("10 XB")]
    [InlineData("9223372036854775807KiB")]
    public void TryParse_Invalid_False(string text) => Assert.False(ByteCount.TryParse(text, out _));
}
