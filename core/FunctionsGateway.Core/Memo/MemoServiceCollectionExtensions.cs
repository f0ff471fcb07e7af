using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using FunctionsGateway.Core.Configuration;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Core.Storage.Backends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo;

/// <summary>Registers the MEMO surface's core services (compat §2) with validated options.</summary>
public static class MemoServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Gateway:Memo*</c>, and the Ethereum client when <c>Gateway:Ethereum:Endpoint</c> is set; without it
    /// every chain route answers 523 ConfigError (the development default).
    /// </summary>
    public static IServiceCollection AddMemo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MemoOptions>().Bind(configuration.GetSection(MemoOptions.SectionName)).ValidateOnStart(new MemoOptionsValidator(), MemoOptions.SectionName);
        services.AddOptions<MemoJwtOptions>().Bind(configuration.GetSection(MemoJwtOptions.SectionName)).ValidateOnStart(new MemoJwtOptionsValidator(), MemoJwtOptions.SectionName);
        services.AddOptions<MemoLensOptions>().Bind(configuration.GetSection(MemoLensOptions.SectionName)).ValidateOnStart(new MemoLensOptionsValidator(), MemoLensOptions.SectionName);
        services.AddOptions<MemoStorageOptions>().Bind(configuration.GetSection(MemoStorageOptions.SectionName)).ValidateOnStart(new MemoStorageOptionsValidator(), MemoStorageOptions.SectionName);
        services.AddOptions<MemoChainOptions>().Bind(configuration.GetSection(MemoChainOptions.SectionName)).ValidateOnStart(new MemoChainOptionsValidator(), MemoChainOptions.SectionName);
        services.AddOptions<EthereumSignerOptions>().Bind(configuration.GetSection(EthereumSignerOptions.SectionName)).ValidateOnStart(new EthereumSignerOptionsValidator(), EthereumSignerOptions.SectionName);

        if (!string.IsNullOrWhiteSpace(configuration[EthereumRpcOptions.SectionName + ":Endpoint"]))
        {
            services.AddEthereumRpc(configuration);
        }

        services.AddHttpClient(MemoLensRegistry.HttpClientName);
        services.AddSingleton<MemoChain>();
        services.AddSingleton<MemoNonceStore>();
        services.AddSingleton<MemoIdentities>();
        services.AddSingleton<MemoTokenService>();
        services.AddSingleton<MemoLensRegistry>();
        services.AddSingleton<MemoSiweLogin>();
        services.AddSingleton<MemoDidSessions>();
        services.AddSingleton<MemoDidAuth>();
        services.AddSingleton<MemoJwtScheme>();
        services.AddSingleton<MemoDidRequestScheme>();
        services.AddSingleton<MemoStorage>();
        services.AddSingleton<MemoObjectIndex>();
        services.AddSingleton<MemoVouchers>();
        services.AddSingleton<MemoFileService>();
        return services;
    }
}
