namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Marks an endpoint as one Azure Function (DESIGN.md §2): the build writes one
/// <c>&lt;Name&gt;/function.json</c> for it. <see cref="QueueName"/> is set for queue-triggered functions,
/// which the Functions host invokes as <c>POST /{Name}</c> (spec/azure.md §1.5).
/// </summary>
internal sealed record FunctionMetadata(string Name, string? QueueName = null)
{
    /// <summary>True for a queue trigger; false for an HTTP trigger.</summary>
    public bool IsQueueTrigger => QueueName is not null;
}
