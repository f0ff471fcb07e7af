using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>
/// Usage and quotas per identity in Table storage (<c>{prefix}usage</c>: partition = identity, one row): the counters of
/// <see cref="Usage"/> and the caps of <see cref="Quota"/> side by side, so that a charge checks and counts in one
/// conditional write. Every write is conditional on the row's ETag and retried on a lost race (412, or 409 for two
/// first inserts), so parallel requests on any number of instances never lose or double a count (DESIGN.md §1). A
/// new period (<see cref="QuotaOptions.Period"/>) starts ingress, egress and requests again from zero.
/// </summary>
internal sealed class UsageStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, IOptions<QuotaOptions> options, TimeProvider time)
{
    /// <summary>The one row of an identity.</summary>
    internal const string Row = "usage";

    /// <summary>How many lost races one change tolerates before storage is called unavailable.</summary>
    internal const int MaxAttempts = 300;

    private static readonly QuotaKind[] UploadKinds = [QuotaKind.StoredBytes, QuotaKind.IngressBytes];

    private static readonly (QuotaKind Kind, string Counter, string Cap)[] Columns =
    [
        (QuotaKind.StoredBytes, "StoredBytes", "QuotaStoredBytes"),
        (QuotaKind.PinnedBytes, "PinnedBytes", "QuotaPinnedBytes"),
        (QuotaKind.IngressBytes, "IngressBytes", "QuotaIngressBytes"),
        (QuotaKind.EgressBytes, "EgressBytes", "QuotaEgressBytes"),
        (QuotaKind.Requests, "Requests", "QuotaRequests"),
    ];

    /// <summary>Whether usage is metered (<see cref="QuotaOptions.Enabled"/>).</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>The identity's usage in the current period and its quota.</summary>
    public async Task<(Usage Usage, Quota Quota)> GetAsync(string identityId, CancellationToken cancellationToken = default)
    {
        var entity = await ReadAsync(identityId, cancellationToken);
        return (UsageOf(entity, CurrentPeriod()), QuotaOf(entity));
    }

    /// <summary>Sets the identity's quota (null caps: unlimited), keeping its counters.</summary>
    public async Task<(Usage Usage, Quota Quota)> SetQuotaAsync(string identityId, Quota quota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var result = await UpdateAsync(identityId, (usage, _) => (usage, quota, null), cancellationToken);
        return (result.Usage, result.Quota);
    }

    /// <summary>
    /// Adds <paramref name="change"/> to the identity's counters. With <paramref name="enforce"/>, a change that would
    /// take an increased counter past its cap is not applied and its refusal is returned instead; decreases always apply.
    /// </summary>
    /// <returns>Null when applied (or metering is off); the refusal otherwise.</returns>
    public async Task<QuotaRefusal?> ChargeAsync(string identityId, Usage change, bool enforce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Enabled)
        {
            return null;
        }

        var result = await UpdateAsync(identityId, (usage, quota) =>
        {
            var refusal = enforce ? Refusal(usage, quota, change) : null;
            return (refusal is null ? usage.Add(change) : usage, quota, refusal);
        }, cancellationToken);
        return result.Refusal;
    }

    /// <summary>
    /// Counts one request of the identity in one conditional write, refused (and not counted) when its request quota is
    /// used up or, for a <paramref name="read"/>, when its egress quota is.
    /// </summary>
    /// <returns>Null when counted (or metering is off); the refusal otherwise.</returns>
    public async Task<QuotaRefusal?> AdmitRequestAsync(string identityId, bool read, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return null;
        }

        var change = new Usage(Requests: 1);
        var result = await UpdateAsync(identityId, (usage, quota) =>
        {
            var refusal = read && quota.EgressBytes is { } cap && usage.EgressBytes >= cap
                ? new QuotaRefusal(QuotaKind.EgressBytes, cap, usage.EgressBytes, 0)
                : Refusal(usage, quota, change);
            return (refusal is null ? usage.Add(change) : usage, quota, refusal);
        }, cancellationToken);
        return result.Refusal;
    }

    /// <summary>
    /// How many more bytes the identity may upload (the smaller of what its stored-bytes and ingress quotas leave), or
    /// null when neither caps it or metering is off. A read: the charge at commit is what holds under races.
    /// </summary>
    public async Task<(long Remaining, QuotaRefusal Refusal)?> UploadAllowanceAsync(string identityId, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return null;
        }

        var (usage, quota) = await GetAsync(identityId, cancellationToken);
        (long Remaining, QuotaRefusal Refusal)? tightest = null;
        foreach (var kind in UploadKinds)
        {
            if (quota.For(kind) is { } cap)
            {
                var left = Math.Max(0, cap - usage.For(kind));
                if (tightest is null || left < tightest.Value.Remaining)
                {
                    tightest = (left, new QuotaRefusal(kind, cap, usage.For(kind), 0));
                }
            }
        }

        return tightest;
    }

    /// <summary>The first cap <paramref name="change"/> would pass, or null.</summary>
    public static QuotaRefusal? Refusal(Usage usage, Quota quota, Usage change)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(change);
        foreach (var (kind, _, _) in Columns)
        {
            var delta = change.For(kind);
            if (delta > 0 && quota.For(kind) is { } cap && usage.For(kind) + delta > cap)
            {
                return new QuotaRefusal(kind, cap, usage.For(kind), delta);
            }
        }

        return null;
    }

    private async Task<(Usage Usage, Quota Quota, QuotaRefusal? Refusal)> UpdateAsync(
        string identityId, Func<Usage, Quota, (Usage Usage, Quota Quota, QuotaRefusal? Refusal)> update, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entity = await ReadAsync(identityId, cancellationToken);
            var period = CurrentPeriod();
            var (usage, quota, refusal) = update(UsageOf(entity, period), QuotaOf(entity));
            if (refusal is not null)
            {
                return (usage, quota, refusal);
            }

            var next = ToEntity(identityId, usage, quota, period);
            if (entity is null ? await TryInsertAsync(next, cancellationToken) : await tables.TryUpdateAsync(names.UsageTable, next, entity.ETag!, TableUpdateMode.Replace, cancellationToken) is not null)
            {
                return (usage, quota, null);
            }

            // Lost the race: another request changed the row first. Back off a little, with jitter, so that a crowd spreads out.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (Math.Min(attempt, 20) * 5))), time, cancellationToken);
        }

        throw new AzureStorageException(503, "UsageContention", $"The usage row of identity {identityId} stayed contended for {MaxAttempts} tries.");
    }

    private async Task<TableEntity?> ReadAsync(string identityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        return await tables.GetAsync(names.UsageTable, TableKeys.Encode(identityId), Row, cancellationToken);
    }

    private async Task<bool> TryInsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await tables.InsertAsync(names.UsageTable, entity, cancellationToken);
            return true;
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The start of the period that contains now (UTC); <see cref="DateTimeOffset.UnixEpoch"/> when counts never restart.</summary>
    private DateTimeOffset CurrentPeriod()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return options.Value.Period switch
        {
            QuotaPeriod.Month => new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero),
            QuotaPeriod.Day => new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero),
            _ => DateTimeOffset.UnixEpoch,
        };
    }

    private static Usage UsageOf(TableEntity? entity, DateTimeOffset period)
    {
        if (entity is null)
        {
            return new Usage { PeriodStart = period };
        }

        // A row of an earlier period keeps its levels; its period counts start again. A row of a later period
        // (another instance's clock runs ahead) is that period: never count backwards.
        var stored = DateTimeOffset.FromUnixTimeMilliseconds(entity.GetInt64("PeriodStart") ?? 0);
        var current = stored >= period;
        long Count(string name) => entity.GetInt64(name) ?? 0;
        return new Usage(
            Count("StoredBytes"),
            Count("PinnedBytes"),
            current ? Count("IngressBytes") : 0,
            current ? Count("EgressBytes") : 0,
            current ? Count("Requests") : 0)
        { PeriodStart = current ? stored : period };
    }

    private static Quota QuotaOf(TableEntity? entity) => entity is null
        ? Quota.Unlimited
        : new Quota(entity.GetInt64("QuotaStoredBytes"), entity.GetInt64("QuotaPinnedBytes"), entity.GetInt64("QuotaIngressBytes"), entity.GetInt64("QuotaEgressBytes"), entity.GetInt64("QuotaRequests"));

    private static TableEntity ToEntity(string identityId, Usage usage, Quota quota, DateTimeOffset period)
    {
        var entity = new TableEntity(TableKeys.Encode(identityId), Row) { ["PeriodStart"] = (usage.PeriodStart > period ? usage.PeriodStart : period).ToUnixTimeMilliseconds() };
        foreach (var (kind, counter, cap) in Columns)
        {
            entity[counter] = usage.For(kind);
            if (quota.For(kind) is { } limit)
            {
                entity[cap] = limit;
            }
        }

        return entity;
    }
}
