using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// Fixed-window request counters in Table storage (<c>{prefix}ratelimits</c>: partition = identity, row = route), one
/// row per identity and route that is reset when its window has passed. Every count is a conditional write on the
/// row's ETag, retried on a lost race, so that parallel requests on any number of instances never lose or double a
/// count (DESIGN.md §1: no state in memory). A refused request is not counted.
/// </summary>
internal sealed class RateLimiter(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    /// <summary>How many lost races one request tolerates before it gives up (then storage is called unavailable).</summary>
    internal const int MaxAttempts = 200;

    /// <summary>Counts one request of <paramref name="identityId"/> on <paramref name="route"/> against <paramref name="limit"/> per <paramref name="window"/>.</summary>
    /// <exception cref="AzureStorageException">Storage failed, or the row stayed contended for <see cref="MaxAttempts"/> tries (status 503).</exception>
    public async Task<RateLimitWindow> AcquireAsync(string identityId, string route, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.Encode(identityId);
        var row = TableKeys.Encode(route);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var start = WindowStart(now, window);
            var entity = await tables.GetAsync(names.RateLimitsTable, partition, row, cancellationToken);
            var storedStart = entity?.GetInt64("WindowStart") ?? long.MinValue;
            // A row of a later window (another instance's clock runs ahead) is that window: never count backwards.
            var current = storedStart >= start;
            var windowStart = current ? storedStart : start;
            var count = current ? (int)(entity!.GetInt64("Count") ?? 0) : 0;
            var resetAt = DateTimeOffset.FromUnixTimeMilliseconds(windowStart) + window;
            if (count >= limit)
            {
                return new RateLimitWindow(false, limit, 0, resetAt);
            }

            var next = new TableEntity(partition, row) { ["WindowStart"] = windowStart, ["Count"] = (long)(count + 1) };
            if (entity is null ? await TryInsertAsync(next, cancellationToken) : await tables.TryUpdateAsync(names.RateLimitsTable, next, entity.ETag!, TableUpdateMode.Replace, cancellationToken) is not null)
            {
                return new RateLimitWindow(true, limit, limit - count - 1, resetAt);
            }

            // Lost the race: another request counted first. Back off a little, with jitter, so that a crowd spreads out.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (Math.Min(attempt, 20) * 5))), time, cancellationToken);
        }

        throw new AzureStorageException(503, "RateLimitContention", $"The rate-limit counter of route {route} stayed contended for {MaxAttempts} tries.");
    }

    private static long WindowStart(DateTimeOffset now, TimeSpan window)
    {
        var ms = now.ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        return ms - (((ms % length) + length) % length);
    }

    private async Task<bool> TryInsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await tables.InsertAsync(names.RateLimitsTable, entity, cancellationToken);
            return true;
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
