using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Uploads;

/// <summary>
/// A request body under the test's control: it hands out <paramref name="data"/> in reads of at most 7,000 bytes,
/// can hold its first read until <see cref="Release"/> (so a test knows the reader has started and can act while it
/// waits), and then either ends or fails after <paramref name="failAfter"/> bytes, as a connection cut mid-body does.
/// </summary>
internal sealed class ScriptedBodyStream(byte[] data, int? failAfter = null, bool holdFirstRead = false) : ReadOnlyStream
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    /// <summary>Completes when the first read begins.</summary>
    public Task Started => _started.Task;

    public void Release() => _released.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _started.TrySetResult();
        if (holdFirstRead)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        return Read(buffer.Span);
    }

    public override int Read(Span<byte> buffer)
    {
        var end = failAfter ?? data.Length;
        if (_position >= end && failAfter is not null)
        {
            throw new IOException("The connection was cut.");
        }

        var n = Math.Min(Math.Min(buffer.Length, 7000), end - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
