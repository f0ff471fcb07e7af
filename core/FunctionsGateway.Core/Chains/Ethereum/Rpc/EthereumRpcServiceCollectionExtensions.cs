using FunctionsGateway.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>Registers <see cref="EthereumRpcClient"/> (DESIGN.md §7) for a surface that talks to an Ethereum chain.</summary>
public static class EthereumRpcServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> the client uses.</summary>
    public const string HttpClientName = "ethereum-rpc";

    /// <summary>
    /// Binds <see cref="EthereumRpcOptions"/> (section <c>Gateway:Ethereum</c>), validates them on start, and
    /// registers one <see cref="EthereumRpcClient"/> singleton on a pooled <see cref="HttpClient"/>.
    /// </summary>
    public static IServiceCollection AddEthereumRpc(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EthereumRpcOptions>().Bind(configuration.GetSection(EthereumRpcOptions.SectionName)).ValidateOnStart(new EthereumRpcOptionsValidator(), EthereumRpcOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        // The resilience pipeline times each try, so the HttpClient itself never times out.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new EthereumRpcClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<EthereumRpcOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
