using FunctionsGateway.Core.Chains.Ethereum.Rpc;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum.Rpc;

public sealed class EthereumRpcOptionsValidatorTests
{
    private readonly EthereumRpcOptionsValidator _validator = new();

    [Fact]
    public void Validate_EndpointAndDefaults_Succeeds()
    {
        var result = _validator.Validate(null, new EthereumRpcOptions { Endpoint = new Uri("https://chain.metamemo.one:8501") });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NoEndpoint_FailsNamingIt()
    {
        var result = _validator.Validate(null, new EthereumRpcOptions());

        Assert.True(result.Failed);
        Assert.Contains(nameof(EthereumRpcOptions.Endpoint), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeValues_FailsNamingThem()
    {
        var result = _validator.Validate(null, new EthereumRpcOptions
        {
            Endpoint = new Uri("http://localhost:8545"),
            MaxRetries = 11,
            RequestTimeout = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Contains(nameof(EthereumRpcOptions.MaxRetries), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(EthereumRpcOptions.RequestTimeout), result.FailureMessage, StringComparison.Ordinal);
    }
}
