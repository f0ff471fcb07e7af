using System.Net;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>
/// A request body sent in two halves with a pause between them (chunked, no length), so that a test can break
/// something while the gateway holds half an upload.
/// </summary>
internal sealed class PausingContent(byte[] bytes, int pauseAt) : HttpContent
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first <c>pauseAt</c> bytes are sent.</summary>
    public Task Paused => _paused.Task;

    /// <summary>Sends the rest.</summary>
    public void Resume() => _resume.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, pauseAt));
        await stream.FlushAsync();
        _paused.TrySetResult();
        await _resume.Task;
        await stream.WriteAsync(bytes.AsMemory(pauseAt));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
