using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// Issues and checks MEMO's HS256 JWTs (compat §2.2) and records each one, hashed, as a credential so that an
/// operator can revoke it. Checking is stricter than the original's: the algorithm is pinned to HS256 (the
/// original's key function accepted any HMAC), the MAC is verified before any claim is trusted, the token must
/// have been issued here and not revoked, and <c>aud</c>, <c>iss</c>, <c>type</c>, <c>exp</c>, <c>iat</c>,
/// <c>nbf</c> are checked as the original did. Failure messages are the original's.
/// </summary>
internal sealed class MemoTokenService(
    IOptions<MemoJwtOptions> jwt,
    IOptions<MemoOptions> memo,
    CredentialStore credentials,
    TimeProvider time)
{
    /// <summary>The original's message when no <c>Bearer</c> token is presented.</summary>
    public const string TokenIsNull = "Token is Null, not found in `Authorization: Bearer ` header";

    /// <summary>The original's message for a token that does not check out.</summary>
    public const string InvalidToken = "Invalid token";

    /// <summary>The original's message for a token of the other type (sic).</summary>
    public const string InvalidTokenType = "InValid token type";

    /// <summary>The claim the principal carries the token's subject in (the EIP-55 address).</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The claim the principal carries <c>isRegistered</c> in, when true.</summary>
    public const string RegisteredClaim = "isRegistered";

    /// <summary>Issues an access and a refresh token for <paramref name="subject"/> and records both.</summary>
    public async Task<MemoTokenPair> IssuePairAsync(string identityId, string subject, bool isRegistered, CancellationToken cancellationToken = default)
    {
        var access = await IssueAsync(identityId, subject, isRegistered, MemoTokenClaims.AccessType, cancellationToken);
        var refresh = await IssueAsync(identityId, subject, isRegistered, MemoTokenClaims.RefreshType, cancellationToken);
        return new MemoTokenPair(access, refresh);
    }

    /// <summary>Issues and records one token of a type.</summary>
    public async Task<string> IssueAsync(string identityId, string subject, bool isRegistered, int type, CancellationToken cancellationToken = default)
    {
        var key = Key();
        var now = time.GetUtcNow();
        var lifetime = type == MemoTokenClaims.AccessType ? jwt.Value.AccessTokenLifetime : jwt.Value.RefreshTokenLifetime;
        var domain = memo.Value.Domain;
        var claims = new MemoTokenClaims(type, isRegistered, domain, (now + lifetime).ToUnixTimeSeconds(), now.ToUnixTimeSeconds(), domain, subject);
        var token = Hs256Jwt.Sign(claims.ToJson(), key);
        try
        {
            await credentials.AddAsync(identityId, KindOf(type), SecretHasher.Hash(token), expiresAt: DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt), cancellationToken: cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            // The claims have whole seconds and no id: the same subject got the very same token this second
            // (a refresh right after login), and it is recorded already.
        }

        return token;
    }

    /// <summary>Checks an <c>Authorization</c> header for a token of <paramref name="expectedType"/>.</summary>
    public async Task<AuthResult> AuthenticateAsync(string? authorization, int expectedType, CancellationToken cancellationToken = default)
    {
        var key = Key();
        // The original splits once on a space and wants exactly "Bearer" (case-sensitive) and a token.
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == 7)
        {
            return AuthResult.Fail(AuthFailure.Missing, TokenIsNull);
        }

        var token = authorization[7..];
        if (Hs256Jwt.TryVerify(token, key, out var json) != JwtStatus.Valid)
        {
            return AuthResult.Fail(AuthFailure.Invalid, InvalidToken);
        }

        if (!MemoTokenClaims.TryParse(json, out var claims))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "Invalid token payload");
        }

        var domain = memo.Value.Domain;
        if (claims.Audience != domain || claims.Issuer != domain)
        {
            return AuthResult.Fail(AuthFailure.Invalid, InvalidToken);
        }

        if (claims.Type != expectedType)
        {
            return AuthResult.Fail(AuthFailure.Invalid, InvalidTokenType);
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)memo.Value.ClockSkew.TotalSeconds;
        if (now > claims.ExpiresAt)
        {
            return AuthResult.Fail(AuthFailure.Expired, InvalidToken);
        }

        if (claims.IssuedAt > now + skew || claims.NotBefore > now + skew)
        {
            return AuthResult.Fail(AuthFailure.Invalid, InvalidToken);
        }

        var credential = await credentials.FindAsync(KindOf(expectedType), SecretHasher.Hash(token), cancellationToken);
        if (credential is null)
        {
            return AuthResult.Fail(AuthFailure.Invalid, InvalidToken);
        }

        if (credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked, InvalidToken);
        }

        await credentials.TouchAsync(credential, cancellationToken);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [SubjectClaim] = claims.Subject };
        if (claims.IsRegistered)
        {
            facts[RegisteredClaim] = "true";
        }

        return AuthResult.Success(new GatewayPrincipal(credential.IdentityId, credential.Id, credential.Kind, []) { Claims = facts });
    }

    private static string KindOf(int type) => type == MemoTokenClaims.AccessType ? CredentialKinds.MemoAccess : CredentialKinds.MemoRefresh;

    private byte[] Key() => jwt.Value.KeyBytes() ?? throw MemoException.NotConfigured(MemoJwtOptions.SigningKeySetting);
}

/// <summary>What a login returns.</summary>
internal sealed record MemoTokenPair(string AccessToken, string RefreshToken);
