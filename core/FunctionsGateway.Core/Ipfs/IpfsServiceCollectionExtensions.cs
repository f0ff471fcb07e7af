using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Core.Pins;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Ipfs;

/// <summary>Registers the services behind the path and trustless gateway and the Kubo-compatible RPC.</summary>
internal static class IpfsServiceCollectionExtensions
{
    public static IServiceCollection AddIpfs(this IServiceCollection services) =>
        services
            .AddSingleton<PinStore>()
            .AddSingleton<IpfsContentResolver>()
            .AddSingleton<IpfsFileReader>()
            .AddSingleton<TrustlessCarExporter>()
            .AddSingleton<ContentAdder>()
            .AddSingleton<PinService>()
            .AddSingleton<CarImporter>();
}
