using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Accounts;

/// <summary>
/// The gateway's own bearer tokens (<c>Authorization: Bearer fgw_…</c>), issued by operators and stored
/// hashed. A token is <c>fgw_</c> + 43 characters of URL-safe base64 (256 random bits).
/// </summary>
public sealed class BearerTokenScheme(CredentialStore credentials, TimeProvider time) : IAuthScheme
{
    public const string TokenPrefix = "fgw_";

    public string Name => CredentialKinds.Bearer;

    /// <summary>A new random token (not yet recorded).</summary>
    public static string NewToken() =>
        TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>Issues and records a token for an identity; the token itself is returned once and never stored.</summary>
    public async Task<(GatewayCredential Credential, string Token)> IssueAsync(string identityId, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        var token = NewToken();
        var credential = await credentials.AddAsync(identityId, CredentialKinds.Bearer, SecretHasher.Hash(token), expiresAt: expiresAt, cancellationToken: cancellationToken);
        return (credential, token);
    }

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
        {
            return AuthResult.Fail(AuthFailure.Missing);
        }

        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Fail(AuthFailure.Invalid);
        }

        var token = header[scheme.Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length != TokenPrefix.Length + 43)
        {
            return AuthResult.Fail(AuthFailure.Invalid);
        }

        var hash = SecretHasher.Hash(token);
        var credential = await credentials.FindAsync(CredentialKinds.Bearer, hash, cancellationToken);
        if (credential is null || !SecretHasher.Matches(token, credential.SecretHash))
        {
            return AuthResult.Fail(AuthFailure.Invalid);
        }

        var now = time.GetUtcNow();
        if (credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked);
        }

        if (!credential.IsActive(now))
        {
            return AuthResult.Fail(AuthFailure.Expired);
        }

        await credentials.TouchAsync(credential, cancellationToken);
        return AuthResult.Success(new GatewayPrincipal(credential.IdentityId, credential.Id, Name, credential.Scopes));
    }
}
