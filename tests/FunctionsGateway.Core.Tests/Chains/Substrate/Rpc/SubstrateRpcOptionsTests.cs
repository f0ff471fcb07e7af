using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate.Rpc;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Rpc;

public sealed class SubstrateRpcOptionsTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:9944", true)]
    [InlineData("wss://testnet-rpc.cess.network/ws/", true)]
    [InlineData("http://127.0.0.1:9944", false)]
    [InlineData("", false)]
    public void Validate_Endpoint_AcceptsWebSocketUrlsOnly(string endpoint, bool valid)
    {
        var result = new SubstrateRpcOptionsValidator().Validate(null, new SubstrateRpcOptions { Endpoint = endpoint });
        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Validate_CessChainOptions_RejectsLongEra()
    {
        Assert.True(new CessChainOptionsValidator().Validate(null, new CessChainOptions()).Succeeded);
        Assert.False(new CessChainOptionsValidator().Validate(null, new CessChainOptions { EraPeriod = 4096 }).Succeeded);
    }
}
