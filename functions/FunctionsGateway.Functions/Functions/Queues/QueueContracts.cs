using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Queues;

/// <summary>The answer to a non-HTTP invocation (spec/azure.md §1.5): output bindings, log lines, return value.</summary>
internal sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, string> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] string? ReturnValue);

[JsonSerializable(typeof(InvocationResult))]
[JsonSerializable(typeof(JsonElement))] // the invocation body PushWorker binds, so that no reflection-based resolver is built for it
internal sealed partial class QueueJsonContext : JsonSerializerContext;
