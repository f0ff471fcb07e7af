using System.Security.Cryptography;
using FunctionsGateway.Core.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// Decoo's access tokens (spec/compat.md §3.1), header <c>UserAccessToken</c> on the endpoint routes: issued by
/// <c>GET /decoo/oauth/accessToken</c> for an API key, valid for <see cref="DecooOptions.AccessTokenLifetime"/> (2 h).
/// Opaque (43 URL-safe characters, 256 random bits) and recorded by its SHA-256 with its expiry and the API key that
/// asked for it; a token stops working when it expires or when that API key is revoked.
/// </summary>
public sealed class DecooAccessTokenScheme(CredentialStore credentials, IOptions<DecooOptions> options, TimeProvider time) : IAuthScheme
{
    public const string HeaderName = "UserAccessToken";

    /// <summary>The credential property naming the API key credential the token was issued for.</summary>
    internal const string ApiKeyProperty = "ApiKeyCredentialId";

    public string Name => CredentialKinds.DecooAccessToken;

    /// <summary>Issues an access token for the caller of an API key; the token is returned once and stored hashed.</summary>
    public async Task<(GatewayCredential Credential, string Token)> IssueAsync(GatewayPrincipal apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var credential = await credentials.AddAsync(
            apiKey.IdentityId, CredentialKinds.DecooAccessToken, SecretHasher.Hash(token),
            new Dictionary<string, string> { [ApiKeyProperty] = apiKey.CredentialId },
            expiresAt: time.GetUtcNow() + options.Value.AccessTokenLifetime,
            cancellationToken: cancellationToken);
        return (credential, token);
    }

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Headers[HeaderName].ToString().Trim();
        if (token.Length == 0)
        {
            return AuthResult.Fail(AuthFailure.Missing, $"the {HeaderName} header is required");
        }

        if (token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "the access token is malformed");
        }

        var credential = await credentials.FindAsync(CredentialKinds.DecooAccessToken, SecretHasher.Hash(token), cancellationToken);
        if (credential is null || !SecretHasher.Matches(token, credential.SecretHash))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "unknown access token");
        }

        var now = time.GetUtcNow();
        if (credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked, "the access token has been revoked");
        }

        if (!credential.IsActive(now))
        {
            return AuthResult.Fail(AuthFailure.Expired, "the access token has expired");
        }

        var apiKey = credential.Properties.GetValueOrDefault(ApiKeyProperty) is { } apiKeyId ? await credentials.GetAsync(apiKeyId, cancellationToken) : null;
        if (apiKey is null || !apiKey.IsActive(now))
        {
            return AuthResult.Fail(AuthFailure.Revoked, "the API key of the access token has been revoked");
        }

        return AuthResult.Success(new GatewayPrincipal(credential.IdentityId, credential.Id, Name, credential.Scopes));
    }
}
