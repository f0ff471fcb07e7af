namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>What an identity's usage counts and an operator can cap.</summary>
public enum QuotaKind
{
    /// <summary>Bytes of the identity's files (uploads add, deletes subtract).</summary>
    StoredBytes,

    /// <summary>Bytes of the identity's pinned DAGs (Pinning Service API requests once pinned).</summary>
    PinnedBytes,

    /// <summary>Bytes uploaded in the current period (counted when an upload commits).</summary>
    IngressBytes,

    /// <summary>Response bytes sent to the identity in the current period.</summary>
    EgressBytes,

    /// <summary>Requests admitted in the current period.</summary>
    Requests,
}
