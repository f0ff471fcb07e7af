using FunctionsGateway.Core.Configuration;
using FunctionsGateway.Core.Storage.Backends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>Registers the IPFS node client and the <c>ipfs</c> backend (DESIGN.md §7).</summary>
public static class IpfsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="IpfsOptions"/> (section <c>Gateway:Ipfs</c>) on start; when
    /// <see cref="IpfsOptions.ApiUrl"/> is set, registers the Kubo RPC client and the <c>ipfs</c> backend, which the
    /// backend registry then offers (and <c>Gateway:Backend:Default</c> may name). Without it nothing else is added.
    /// </summary>
    public static IServiceCollection AddIpfsBackend(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(IpfsOptions.SectionName);
        services.AddOptions<IpfsOptions>().Bind(section).ValidateOnStart(new IpfsOptionsValidator(), IpfsOptions.SectionName);
        if ((section.Get<IpfsOptions>() ?? new IpfsOptions()).IsConfigured)
        {
            services.AddSingleton<KuboRpcClient>();
            services.AddSingleton<IStorageBackend, IpfsBackend>();
        }

        return services;
    }
}
