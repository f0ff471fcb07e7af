using System.Text.Json;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Queues;

/// <summary>
/// The push worker's queue trigger (DESIGN.md §4 step 3): the Functions host posts each message of the push
/// queue to <c>POST /PushWorker</c>. A 2xx settles the message; any other answer makes the host retry it.
/// </summary>
internal static class PushWorker
{
    public const string Name = "PushWorker";

    public const string BindingName = "message";

    /// <summary>
    /// The queue as function.json names it: <c>%Gateway__Storage__ResourcePrefix%push</c>. One package serves every
    /// deployment, so the prefix is the host's to resolve from the app setting (a <c>%…%</c> binding expression),
    /// not the build's; the handler itself sends and polls <see cref="StorageNames.PushQueue"/> with the bound prefix.
    /// </summary>
    public static string HostQueueName { get; } = QueueFunctions.HostNames.PushQueue;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/" + Name, HandleAsync).AsQueueFunction(Name, HostQueueName);

    private static async Task<IResult> HandleAsync(JsonElement payload, TriggeredPushHandler pushes, CancellationToken cancellationToken)
    {
        var invocation = QueueInvocation.Parse(payload, BindingName);
        if (invocation is null)
        {
            return QueueFunctionAnswers.NotAnInvocation(BindingName);
        }

        var outcome = await pushes.HandleAsync(invocation.MessageText, invocation.DequeueCount, cancellationToken);
        var log = $"push {invocation.MessageId}: {outcome.Kind}" + (outcome.Reason is null ? "" : $" ({outcome.Reason})");
        return QueueFunctionAnswers.Handled(log);
    }
}
