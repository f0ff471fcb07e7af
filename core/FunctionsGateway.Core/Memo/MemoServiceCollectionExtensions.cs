using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
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
        services.AddOptions<MemoOptions>().Bind(configuration.GetSection(MemoOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoOptions>, MemoOptionsValidator>();
        services.AddOptions<MemoJwtOptions>().Bind(configuration.GetSection(MemoJwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoJwtOptions>, MemoJwtOptionsValidator>();
        services.AddOptions<MemoLensOptions>().Bind(configuration.GetSection(MemoLensOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoLensOptions>, MemoLensOptionsValidator>();
        services.AddOptions<MemoStorageOptions>().Bind(configuration.GetSection(MemoStorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoStorageOptions>, MemoStorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<MemoStorageOptions>, MemoStorageFallbackValidator>();
        services.AddOptions<MemoChainOptions>().Bind(configuration.GetSection(MemoChainOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoChainOptions>, MemoChainOptionsValidator>();
        services.AddOptions<EthereumSignerOptions>().Bind(configuration.GetSection(EthereumSignerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EthereumSignerOptions>, EthereumSignerOptionsValidator>();

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

/// <summary>A fallback backend must be one that is registered: a typo would otherwise turn every MEMO upload into 518.</summary>
internal sealed class MemoStorageFallbackValidator(IEnumerable<IStorageBackend> backends) : IValidateOptions<MemoStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = backends.Select(b => b.Name).ToList();
        return options.Fallback.Length == 0 || names.Contains(options.Fallback, StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Gateway:Memo:Storage:Fallback is '{options.Fallback}', which is not one of the backends: {string.Join(", ", names)}.");
    }
}
