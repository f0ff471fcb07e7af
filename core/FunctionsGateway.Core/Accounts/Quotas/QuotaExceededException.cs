namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>
/// A request would take an identity past one of its quotas. Nothing of it was kept: surfaces answer in their own
/// envelope (409 <c>quota_exceeded</c>; the Pinning Service API's <c>INSUFFICIENT_FUNDS</c>).
/// </summary>
public sealed class QuotaExceededException : Exception
{
    public QuotaExceededException(QuotaKind kind, long limit, long used, long requested)
        : base(Describe(kind, limit, used, requested))
    {
        Kind = kind;
        Limit = limit;
        Used = used;
        Requested = requested;
    }

    public QuotaExceededException()
    {
    }

    public QuotaExceededException(string message)
        : base(message)
    {
    }

    public QuotaExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QuotaExceededException(QuotaRefusal refusal)
        : this((refusal ?? throw new ArgumentNullException(nameof(refusal))).Kind, refusal.Limit, refusal.Used, refusal.Requested)
    {
    }

    public QuotaKind Kind { get; }

    public long Limit { get; }

    public long Used { get; }

    public long Requested { get; }

    /// <summary>What is left under the quota (never negative).</summary>
    public long Remaining => Math.Max(0, Limit - Used);

    /// <summary>The sentence every surface carries: which quota, its limit, what is used and what was asked for.</summary>
    public static string Describe(QuotaKind kind, long limit, long used, long requested) => kind == QuotaKind.Requests
        ? $"Quota exceeded: {used} of {limit} requests of this period are used."
        : requested > 0
            ? $"Quota exceeded: {Name(kind)} limit {limit} bytes, {used} used, {requested} more requested."
            : $"Quota exceeded: {Name(kind)} limit {limit} bytes, {used} used.";

    private static string Name(QuotaKind kind) => kind switch
    {
        QuotaKind.StoredBytes => "stored",
        QuotaKind.PinnedBytes => "pinned",
        QuotaKind.IngressBytes => "ingress",
        _ => "egress",
    };
}

/// <summary>Which quota refused how much (the value form of <see cref="QuotaExceededException"/>).</summary>
public sealed record QuotaRefusal(QuotaKind Kind, long Limit, long Used, long Requested)
{
    /// <summary>The refusal as the exception surfaces map.</summary>
    public QuotaExceededException ToException() => new(this);
}
