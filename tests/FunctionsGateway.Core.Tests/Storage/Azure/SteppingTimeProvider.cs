namespace FunctionsGateway.Core.Tests.Storage.Azure;

/// <summary>A clock that moves one second forward every time it is read.</summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private int _reads;

    public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _reads) - 1);
}
