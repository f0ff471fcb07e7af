using FunctionsGateway.Functions.Functions.Files;
using FunctionsGateway.Functions.Functions.Gw3;
using FunctionsGateway.Functions.Functions.Kubo;
using FunctionsGateway.Functions.Functions.Memo;
using FunctionsGateway.Functions.Functions.Ops;
using FunctionsGateway.Functions.Functions.Platform;
using FunctionsGateway.Functions.Functions.Queues;
using FunctionsGateway.Functions.Functions.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions;

/// <summary>Services of the functions layer: source-generated JSON for the contracts (AOT-friendly), the compatible surfaces' error envelopes and the OpenAPI document.</summary>
internal static class GatewayFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayFunctions(this IServiceCollection services) =>
        services
            .ConfigureHttpJsonOptions(options =>
            {
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, OpsJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, FilesJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, UploadsJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, KuboJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, Gw3JsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, PlatformJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, QueueJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayErrorJsonContext.Default);
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, MemoJsonContext.Default);
            })
            .AddOpenApi();
}
