using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class RevertReasonTests
{
    [Fact]
    public void TryDecode_ErrorString_ReturnsMessage()
    {
        // Error("Not enough Ether provided.") as the Solidity docs show it (control-structures, "revert").
        var data = AbiFunction.Parse("Error(string)").EncodeCall("Not enough Ether provided.");

        Assert.StartsWith("08c379a0", Convert.ToHexStringLower(data), StringComparison.Ordinal);
        Assert.True(RevertReason.TryDecode(data, out var reason));
        Assert.Equal("Not enough Ether provided.", reason);
    }

    [Fact]
    public void TryDecode_PanicOverflow_ReturnsPanicCode()
    {
        var data = AbiFunction.Parse("Panic(uint256)").EncodeCall(0x11);

        Assert.True(RevertReason.TryDecode(data, out var reason));
        Assert.Equal("Panic(0x11)", reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("08c379a0")]
    [InlineData("deadbeef")]
    public void TryDecode_EmptyCustomOrTruncated_ReturnsFalse(string hex)
    {
        Assert.False(RevertReason.TryDecode(Convert.FromHexString(hex), out _));
    }
}
