using FunctionsGateway.Core.Storage;

namespace FunctionsGateway.Functions.Functions.Queues;

/// <summary>Queue-triggered functions: invoked by the Functions host, not by users.</summary>
internal static class QueueFunctions
{
    /// <summary>
    /// The resource names as function.json names them: prefixed with <c>%Gateway__Storage__ResourcePrefix%</c>, a binding
    /// expression the Functions host resolves from the app setting (one package serves every deployment).
    /// </summary>
    public static StorageNames HostNames { get; } = new(
        $"%{StorageLayoutOptions.SectionName.Replace(":", "__", StringComparison.Ordinal)}__{nameof(StorageLayoutOptions.ResourcePrefix)}%");

    public static IEndpointRouteBuilder MapQueueFunctions(this IEndpointRouteBuilder routes)
    {
        PushWorker.Map(routes);
        PinWorker.Map(routes);
        return routes;
    }
}
