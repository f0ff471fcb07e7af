using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Storage;

/// <summary>
/// Whether the Blob, Table and Queue services answer, each probed with one cheap request in parallel and a
/// time limit, so that <c>/health</c> says quickly which service is down.
/// </summary>
public sealed class StorageHealthCheck(IBlobStorage blobs, ITableStorage tables, IQueueStorage queues, TimeProvider time)
{
    /// <summary>How long one probe may take before it counts as unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Probes the three services.</summary>
    public async Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(
            ProbeAsync("blob", blobs.PingAsync, cancellationToken),
            ProbeAsync("table", tables.PingAsync, cancellationToken),
            ProbeAsync("queue", queues.PingAsync, cancellationToken));
        return new StorageHealthReport(results);
    }

    private async Task<ServiceHealth> ProbeAsync(string service, Func<CancellationToken, Task> ping, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await ping(timeout.Token);
            return new ServiceHealth(service, true, Elapsed(started), null);
        }
        catch (AzureStorageException e)
        {
            var reason = e.Status == 0 ? "no answer" : $"status {e.Status}" + (e.ErrorCode is null ? "" : $" ({e.ErrorCode})");
            return new ServiceHealth(service, false, Elapsed(started), reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServiceHealth(service, false, Elapsed(started), $"no answer within {ProbeTimeout.TotalSeconds:0} s");
        }
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}

/// <summary>One service's probe: reachable or not, how long it took, and why not.</summary>
public sealed record ServiceHealth(string Service, bool Reachable, long ElapsedMilliseconds, string? Reason);

/// <summary>The three probes; healthy when every service is reachable.</summary>
public sealed record StorageHealthReport(IReadOnlyList<ServiceHealth> Services)
{
    public bool Healthy => Services.All(s => s.Reachable);
}
