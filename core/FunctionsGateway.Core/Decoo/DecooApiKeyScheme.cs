using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Gw3;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// Decoo's API keys (spec/compat.md §3.1), <c>Authorization: Bearer &lt;API key&gt;</c> on the cloud routes: an HS256 JWT
/// signed with a secret of its own (64 random alphanumerics), claims <c>{"key":{"api_key":"…","user_id":"…"}}</c> and no
/// <c>exp</c>, as Decoo's open-source PSA issues them. As there, the token is decoded first to find its <c>api_key</c>;
/// the credential row is found by the SHA-256 of that id and holds the secret sealed (<see cref="Gw3SecretSealer"/>
/// under <see cref="DecooKeyRing"/>), then the MAC is checked with it. Revoked with the other credentials.
/// </summary>
public sealed class DecooApiKeyScheme(CredentialStore credentials, DecooKeyRing keys, TimeProvider time) : IAuthScheme
{
    /// <summary>The credential property holding the sealed HS256 secret.</summary>
    internal const string SealedSecretProperty = "SealedSecret";

    private const int ApiKeyIdLength = 32;
    private const int SecretLength = 64;
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string Name => CredentialKinds.DecooApiKey;

    /// <summary>Issues an API key for an identity; the JWT is returned once, its secret stored only sealed.</summary>
    public async Task<(GatewayCredential Credential, string ApiKey)> IssueAsync(string identityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        var apiKeyId = RandomNumberGenerator.GetString(Alphanumerics, ApiKeyIdLength);
        var secret = RandomNumberGenerator.GetString(Alphanumerics, SecretLength);
        var lookup = SecretHasher.Hash(apiKeyId);
        var credential = await credentials.AddAsync(
            identityId, CredentialKinds.DecooApiKey, lookup,
            new Dictionary<string, string> { [SealedSecretProperty] = Gw3SecretSealer.Seal(keys.SealingKey, secret, lookup) },
            cancellationToken: cancellationToken);
        var claims = JsonSerializer.SerializeToUtf8Bytes(new DecooApiKeyClaims(new DecooApiKeyClaim(apiKeyId, identityId)), DecooJsonContext.Default.DecooApiKeyClaims);
        return (credential, Hs256Jwt.Sign(claims, Encoding.UTF8.GetBytes(secret)));
    }

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
        {
            return AuthResult.Fail(AuthFailure.Missing, "Authorization: Bearer <API key> is required");
        }

        const string bearer = "Bearer ";
        var token = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : "";
        if (ReadApiKeyId(token) is not { } apiKeyId)
        {
            return AuthResult.Fail(AuthFailure.Invalid, "the API key is not a Decoo API key JWT");
        }

        var lookup = SecretHasher.Hash(apiKeyId);
        var credential = await credentials.FindAsync(CredentialKinds.DecooApiKey, lookup, cancellationToken);
        var secret = credential is null ? null : Gw3SecretSealer.Open(keys.SealingKey, credential.Properties.GetValueOrDefault(SealedSecretProperty), lookup);
        if (credential is null || secret is null)
        {
            return AuthResult.Fail(AuthFailure.Invalid, "unknown API key");
        }

        if (Hs256Jwt.TryVerify(token, Encoding.UTF8.GetBytes(secret), out _) != JwtStatus.Valid)
        {
            return AuthResult.Fail(AuthFailure.Invalid, "the API key's signature does not verify");
        }

        if (credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked, "the API key has been revoked");
        }

        if (!credential.IsActive(time.GetUtcNow()))
        {
            return AuthResult.Fail(AuthFailure.Expired, "the API key has expired");
        }

        await credentials.TouchAsync(credential, cancellationToken);
        return AuthResult.Success(new GatewayPrincipal(credential.IdentityId, credential.Id, Name, credential.Scopes));
    }

    // The api_key claim of a token read without verifying it (the secret to verify it with is found by this id).
    private static string? ReadApiKeyId(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || token.Length > 4096 || !Gw3RequestSignature.TryDecodeBase64(parts[1], out var payload))
        {
            return null;
        }

        try
        {
            var claims = JsonSerializer.Deserialize(payload, DecooJsonContext.Default.DecooApiKeyClaims);
            var id = claims?.Key?.ApiKey;
            return id is { Length: > 0 and <= 256 } ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
