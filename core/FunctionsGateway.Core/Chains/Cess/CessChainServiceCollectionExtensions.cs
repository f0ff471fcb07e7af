using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>Registers the CESS chain client.</summary>
public static class CessChainServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="SubstrateRpcClient"/> (section <c>Gateway:Cess:Rpc</c>) and <see cref="CessChainClient"/>
    /// (section <c>Gateway:Cess:Chain</c>) as singletons, with their options validated on start.
    /// </summary>
    public static IServiceCollection AddCessChain(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SubstrateRpcOptions>().Bind(configuration.GetSection(SubstrateRpcOptions.SectionName)).ValidateOnStart(new SubstrateRpcOptionsValidator(), SubstrateRpcOptions.SectionName);
        services.AddOptions<CessChainOptions>().Bind(configuration.GetSection(CessChainOptions.SectionName)).ValidateOnStart(new CessChainOptionsValidator(), CessChainOptions.SectionName);
        services.AddSingleton<SubstrateRpcClient>();
        services.AddSingleton<CessChainClient>();
        return services;
    }
}
