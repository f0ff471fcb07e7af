using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

/// <summary>A transport that records each try's headers and answers from a script: each step returns a
/// response or throws; the last step repeats. Honours the caller's cancellation.</summary>
public sealed class ScriptedTransport(params Func<Response>[] steps) : HttpPipelineTransport
{
    public List<Dictionary<string, string>> Tries { get; } = [];

    /// <summary>A step that fails the try as a refused connection would.</summary>
    public static Response Refuse() => throw new IOException("Connection refused (scripted).");

    public override Request CreateRequest() => HttpClientTransport.Shared.CreateRequest();

    public override void Process(HttpMessage message) => Answer(message);

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Answer(message);
        return ValueTask.CompletedTask;
    }

    private void Answer(HttpMessage message)
    {
        // As HttpClient does: a cancelled caller gets no answer.
        message.CancellationToken.ThrowIfCancellationRequested();
        Tries.Add(message.Request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));
        message.Response = steps[Math.Min(Tries.Count, steps.Length) - 1]();
    }
}
