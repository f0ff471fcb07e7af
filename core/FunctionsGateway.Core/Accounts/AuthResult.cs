namespace FunctionsGateway.Core.Accounts;

/// <summary>The outcome of an auth scheme: a principal, or the reason there is none (STYLE.md rule 2).</summary>
public sealed record AuthResult(GatewayPrincipal? Principal, AuthFailure Failure)
{
    public bool Succeeded => Principal is not null;

    /// <summary>A precise reason for the client when the scheme has one (e.g. "ts is outside the allowed window"); never secret material.</summary>
    public string? Detail { get; init; }

    public static AuthResult Success(GatewayPrincipal principal) => new(principal, AuthFailure.None);

    public static AuthResult Fail(AuthFailure failure) => new(null, failure);

    /// <summary>A failure with a precise reason for the client.</summary>
    public static AuthResult Fail(AuthFailure failure, string detail) => new(null, failure) { Detail = detail };
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
public sealed record GatewayPrincipal(string IdentityId, string CredentialId, string Scheme, IReadOnlyList<string> Scopes);
