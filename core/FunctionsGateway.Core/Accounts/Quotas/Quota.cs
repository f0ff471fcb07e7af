namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>An identity's caps, one per <see cref="QuotaKind"/>; null means unlimited.</summary>
public sealed record Quota(long? StoredBytes = null, long? PinnedBytes = null, long? IngressBytes = null, long? EgressBytes = null, long? Requests = null)
{
    /// <summary>No cap at all.</summary>
    public static readonly Quota Unlimited = new();

    /// <summary>The cap of one kind (null: unlimited).</summary>
    public long? For(QuotaKind kind) => kind switch
    {
        QuotaKind.StoredBytes => StoredBytes,
        QuotaKind.PinnedBytes => PinnedBytes,
        QuotaKind.IngressBytes => IngressBytes,
        QuotaKind.EgressBytes => EgressBytes,
        _ => Requests,
    };

    /// <summary>The first negative cap's kind, or null when every cap is null or at least 0.</summary>
    public QuotaKind? FirstNegative() => Enum.GetValues<QuotaKind>().Cast<QuotaKind?>().FirstOrDefault(k => For(k!.Value) < 0);
}
