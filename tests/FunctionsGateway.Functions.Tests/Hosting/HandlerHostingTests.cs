using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Tests.Hosting;

public sealed class HandlerHostingTests
{
    [Theory]
    [InlineData(null, 7071)]
    [InlineData("", 7071)]
    [InlineData("40123", 40123)]
    public void ReadPort_SetOrUnset_Port(string? value, int port) => Assert.Equal(port, HandlerHosting.ReadPort(value));

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("http")]
    public void ReadPort_NotAPort_ThrowsNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => HandlerHosting.ReadPort(value));
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", error.Message, StringComparison.Ordinal);
    }
}
