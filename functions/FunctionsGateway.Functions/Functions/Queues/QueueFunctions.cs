namespace FunctionsGateway.Functions.Functions.Queues;

/// <summary>Queue-triggered functions: invoked by the Functions host, not by users.</summary>
internal static class QueueFunctions
{
    public static IEndpointRouteBuilder MapQueueFunctions(this IEndpointRouteBuilder routes)
    {
        PushWorker.Map(routes);
        PinWorker.Map(routes);
        return routes;
    }
}
