namespace FunctionsGateway.Core.Accounts;

/// <summary>The outcome of an auth scheme: a principal, or the reason there is none (STYLE.md rule 2).</summary>
public sealed record AuthResult(GatewayPrincipal? Principal, AuthFailure Failure)
{
    public bool Succeeded => Principal is not null;

    /// <summary>
    /// Why, in the words of the original a surface imitates (e.g. MEMO's <c>not a sequential request</c>), when the
    /// scheme knows more than <see cref="Failure"/> says; null otherwise. Never holds a secret.
    /// </summary>
    public string? Detail { get; init; }

    public static AuthResult Success(GatewayPrincipal principal) => new(principal, AuthFailure.None);

    public static AuthResult Fail(AuthFailure failure, string? detail = null) => new(null, failure) { Detail = detail };
}

/// <summary>Why a request is not authenticated. Surfaces map these to their original's error body.</summary>
public enum AuthFailure
{
    None,

    /// <summary>No credential was presented.</summary>
    Missing,

    /// <summary>The credential is malformed or unknown.</summary>
    Invalid,

    /// <summary>The credential was valid once and has expired.</summary>
    Expired,

    /// <summary>The credential was revoked by an operator.</summary>
    Revoked,
}

/// <summary>Who a request acts for.</summary>
public sealed record GatewayPrincipal(string IdentityId, string CredentialId, string Scheme, IReadOnlyList<string> Scopes)
{
    private static readonly IReadOnlyDictionary<string, string> NoClaims = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Facts the scheme established about the caller besides the identity, by name (e.g. MEMO's <c>address</c> and
    /// <c>did</c>), for the surface that issued them; empty for schemes that have none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = NoClaims;
}
