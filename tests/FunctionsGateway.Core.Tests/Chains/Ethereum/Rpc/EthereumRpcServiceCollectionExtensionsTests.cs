using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum.Rpc;

public sealed class EthereumRpcServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEthereumRpc_ConfiguredEndpoint_ResolvesOneClient()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Ethereum:Endpoint"] = "http://127.0.0.1:8545" })
            .Build();
        using var services = new ServiceCollection().AddEthereumRpc(configuration).BuildServiceProvider();

        Assert.Same(services.GetRequiredService<EthereumRpcClient>(), services.GetRequiredService<EthereumRpcClient>());
        Assert.Equal(new Uri("http://127.0.0.1:8545"), services.GetRequiredService<IOptions<EthereumRpcOptions>>().Value.Endpoint);
    }

    [Fact]
    public void AddEthereumRpc_NoEndpoint_FailsValidation()
    {
        using var services = new ServiceCollection().AddEthereumRpc(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EthereumRpcOptions>>().Value);

        Assert.Contains(nameof(EthereumRpcOptions.Endpoint), error.Message, StringComparison.Ordinal);
    }
}
