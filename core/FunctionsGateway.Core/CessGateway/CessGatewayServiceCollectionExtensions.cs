using FunctionsGateway.Core.Configuration;
using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.Content.Cess;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Backends.Cess;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>Registers the CESS-Gateway surface's core: tokens, captchas, files, and — with CESS settings — the chain and DeOSS.</summary>
public static class CessGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Always: tokens (<c>Gateway:Cess:Token</c>), captchas (<c>Gateway:Cess:Captcha</c>) and the file index. With
    /// <c>Gateway:Cess:Rpc:Endpoint</c>: the chain client. With <c>Gateway:Cess:Deoss:Endpoint</c>: the <c>cess</c>
    /// backend, which then needs the chain, <c>Gateway:Cess:AccountSeed</c> and <c>Gateway:Cess:Territory</c> too
    /// (checked at start). When <c>cess</c> is the default backend every upload computes the fid.
    /// </summary>
    public static IServiceCollection AddCessGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chain = !string.IsNullOrWhiteSpace(configuration[SubstrateRpcOptions.SectionName + ":Endpoint"]);
        var deoss = !string.IsNullOrWhiteSpace(configuration[DeossOptions.SectionName + ":Endpoint"]);

        // Development needs no token key: one is generated once and kept in Blob storage. Configured before the
        // binding, so a configured Gateway:Cess:Token:GenerateKeyIfMissing still wins.
        services.AddOptions<CessTokenOptions>()
            .Configure<IServiceProvider>((o, sp) => o.GenerateKeyIfMissing = sp.GetService<IHostEnvironment>()?.IsDevelopment() == true)
            .Bind(configuration.GetSection(CessTokenOptions.SectionName)).ValidateOnStart(new CessTokenOptionsValidator(), CessTokenOptions.SectionName);
        services.AddOptions<CessCaptchaOptions>().Bind(configuration.GetSection(CessCaptchaOptions.SectionName)).ValidateOnStart(new CessCaptchaOptionsValidator(), CessCaptchaOptions.SectionName);
        services.AddOptions<CessNetworkOptions>().Bind(configuration.GetSection(CessNetworkOptions.SectionName))
            .Validate(o => !(chain || deoss) || (o.SeedBytes() is not null && o.Territory.Length > 0),
                "Gateway:Cess:AccountSeed and Gateway:Cess:Territory are required once Gateway:Cess:Rpc:Endpoint or Gateway:Cess:Deoss:Endpoint is set.")
            .Validate(_ => !deoss || chain, "Gateway:Cess:Deoss:Endpoint needs Gateway:Cess:Rpc:Endpoint: file states come from the chain.")
            .ValidateOnStart(new CessNetworkOptionsValidator(), CessNetworkOptions.SectionName);
        services.AddOptions<DeossOptions>().Bind(configuration.GetSection(DeossOptions.SectionName)).ValidateOnStart(new DeossOptionsValidator(), DeossOptions.SectionName);

        services.AddSingleton<CessTokenKeyProvider>();
        services.AddSingleton<CessUsers>();
        services.AddSingleton<CessTokenScheme>();
        services.AddSingleton<CessAuthService>();
        services.AddSingleton<CessFileIndex>();
        services.AddSingleton<CessFileService>();
        services.AddSingleton<CessAccount>();

        if (chain)
        {
            services.AddCessChain(configuration);
        }

        if (deoss)
        {
            services.AddHttpClient(DeossClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
            services.AddSingleton(sp => new DeossClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(DeossClient.HttpClientName),
                sp.GetRequiredService<IOptions<DeossOptions>>(),
                sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IStorageBackend, CessBackend>();
        }

        if (string.Equals(configuration[BackendOptions.SectionName + ":Default"], CessBackend.BackendName, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IContentHasherFactory>(CessFidHasherFactory.Instance);
        }

        return services;
    }
}
