namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>
/// An identity's counters: the levels (stored and pinned bytes) and what the period that began at
/// <see cref="PeriodStart"/> has counted (ingress, egress, requests). Also a change to apply (<see cref="UsageStore.ChargeAsync"/>).
/// </summary>
public sealed record Usage(long StoredBytes = 0, long PinnedBytes = 0, long IngressBytes = 0, long EgressBytes = 0, long Requests = 0)
{
    /// <summary>The start of the current period (UTC, see <see cref="QuotaOptions.Period"/>).</summary>
    public DateTimeOffset PeriodStart { get; init; }

    /// <summary>The counter of one kind.</summary>
    public long For(QuotaKind kind) => kind switch
    {
        QuotaKind.StoredBytes => StoredBytes,
        QuotaKind.PinnedBytes => PinnedBytes,
        QuotaKind.IngressBytes => IngressBytes,
        QuotaKind.EgressBytes => EgressBytes,
        _ => Requests,
    };

    /// <summary>These counters plus <paramref name="change"/>, none below zero.</summary>
    public Usage Add(Usage change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with
        {
            StoredBytes = Math.Max(0, StoredBytes + change.StoredBytes),
            PinnedBytes = Math.Max(0, PinnedBytes + change.PinnedBytes),
            IngressBytes = Math.Max(0, IngressBytes + change.IngressBytes),
            EgressBytes = Math.Max(0, EgressBytes + change.EgressBytes),
            Requests = Math.Max(0, Requests + change.Requests),
        };
    }

    /// <summary>The same change the other way (to undo a charge).</summary>
    public Usage Negate() => new(-StoredBytes, -PinnedBytes, -IngressBytes, -EgressBytes, -Requests);
}
