namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// One function as the Functions host sees it (spec/azure.md §1.4, §1.5): an HTTP trigger with its route
/// (no leading slash, <c>routePrefix</c> is empty) and lowercase methods, or a queue trigger.
/// </summary>
internal sealed record FunctionDefinition(string Name, string Route, IReadOnlyList<string> Methods, string? QueueName)
{
    public bool IsQueueTrigger => QueueName is not null;
}
