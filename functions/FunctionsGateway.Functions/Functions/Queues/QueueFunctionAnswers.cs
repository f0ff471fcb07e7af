using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Queues;

/// <summary>The answers every queue-trigger function gives the Functions host (spec/azure.md §1.3).</summary>
internal static class QueueFunctionAnswers
{
    /// <summary>400: the body is not a queue invocation carrying <paramref name="bindingName"/>.</summary>
    public static IResult NotAnInvocation(string bindingName) =>
        GatewayErrors.Problem(StatusCodes.Status400BadRequest, "not_an_invocation", $"Expected {{\"Data\":{{\"{bindingName}\":…}},\"Metadata\":{{…}}}}.");

    /// <summary>200 with the invocation's one log line: the host settles the message.</summary>
    public static IResult Handled(string log) =>
        Results.Json(new InvocationResult(new Dictionary<string, string>(), [log], null), QueueJsonContext.Default.InvocationResult);
}
