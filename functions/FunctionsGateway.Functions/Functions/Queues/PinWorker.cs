using System.Text.Json;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Queues;

/// <summary>
/// The pin worker's queue trigger: the Functions host posts each message of the pin queue to <c>POST /PinWorker</c>.
/// A 2xx settles the message (a retry is re-queued hidden for its backoff); any other answer makes the host retry it.
/// </summary>
internal static class PinWorker
{
    public const string Name = "PinWorker";

    public const string BindingName = "message";

    /// <summary>The queue as function.json names it: <c>%Gateway__Storage__ResourcePrefix%pins</c> (<see cref="QueueFunctions.HostNames"/>).</summary>
    public static string HostQueueName { get; } = QueueFunctions.HostNames.PinQueue;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/" + Name, HandleAsync).AsQueueFunction(Name, HostQueueName);

    private static async Task<IResult> HandleAsync(JsonElement payload, TriggeredPinHandler pins, CancellationToken cancellationToken)
    {
        var invocation = QueueInvocation.Parse(payload, BindingName);
        if (invocation is null)
        {
            return QueueFunctionAnswers.NotAnInvocation(BindingName);
        }

        var result = await pins.HandleAsync(invocation.MessageText, cancellationToken);
        var log = $"pin job {invocation.MessageId}: {result.Settlement}" + (result.Reason is null ? "" : $" ({result.Reason})");
        return QueueFunctionAnswers.Handled(log);
    }
}
