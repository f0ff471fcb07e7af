namespace FunctionsGateway.Core.Accounts;

/// <summary>
/// A credential held by an identity. Only a SHA-256 of its secret is stored (DESIGN.md §1: tokens are
/// recorded hashed so that they can be revoked). <see cref="Kind"/> names the scheme (<see cref="CredentialKinds"/>).
/// </summary>
public sealed record GatewayCredential(
    string Id,
    string IdentityId,
    string Kind,
    string SecretHash,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    /// <summary>Scheme-specific values kept with the credential (a sealed secret, a public key), by name.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Usable now: not revoked and not expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
