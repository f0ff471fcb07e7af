using System.Globalization;
using System.Security.Cryptography;
using FunctionsGateway.Core.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Gw3;

/// <summary>
/// Gateway3's access keys (spec/compat.md §4.1). Mode A: <c>X-Access-Key</c> + <c>X-Access-Secret</c> (the secret as
/// issued). Mode B: <c>X-Access-Key</c> + <c>X-Access-Signature</c> (<see cref="Gw3RequestSignature"/>, PATH being the
/// path the client sent, <c>/gw3</c> prefix included). Both need a query parameter <c>ts</c> (Unix seconds) within
/// <see cref="Gw3Options.TimestampWindow"/> of the gateway's clock. The credential row is found by the SHA-256 of the
/// access key; it holds the secret sealed (<see cref="Gw3SecretSealer"/>), since an HMAC cannot be checked against a hash.
/// With <see cref="Gw3Options.CredentialCacheDuration"/> set, a row read is reused for that long (a bounded cache, not
/// state: every instance can always read the row again).
/// </summary>
public sealed class Gw3AccessKeyScheme(CredentialStore credentials, Gw3KeyRing keys, IMemoryCache cache, IOptions<Gw3Options> options, TimeProvider time) : IAuthScheme
{
    public const string KeyHeader = "X-Access-Key";
    public const string SecretHeader = "X-Access-Secret";
    public const string SignatureHeader = "X-Access-Signature";

    /// <summary>The credential property holding the sealed secret.</summary>
    internal const string SealedSecretProperty = "SealedSecret";

    private const int AccessKeyBytes = 18;
    private const int SecretBytes = 32;

    public string Name => CredentialKinds.Gw3AccessKey;

    /// <summary>Issues an access key and secret for an identity; the secret is returned once and stored only sealed.</summary>
    public async Task<(GatewayCredential Credential, string AccessKey, string AccessSecret)> IssueAsync(string identityId, CancellationToken cancellationToken = default)
    {
        // 24 URL-safe characters (no padding at 18 bytes); the secret is URL-safe base64 with padding, as gw3 issues it.
        var accessKey = Gw3RequestSignature.ToBase64Url(RandomNumberGenerator.GetBytes(AccessKeyBytes));
        var secret = Gw3RequestSignature.ToBase64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var lookup = SecretHasher.Hash(accessKey);
        var sealedSecret = Gw3SecretSealer.Seal(keys.SealingKey, secret, lookup);
        var credential = await credentials.AddAsync(
            identityId, CredentialKinds.Gw3AccessKey, lookup, new Dictionary<string, string> { [SealedSecretProperty] = sealedSecret }, cancellationToken: cancellationToken);
        return (credential, accessKey, secret);
    }

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accessKey = request.Headers[KeyHeader].ToString();
        var presentedSecret = request.Headers[SecretHeader].ToString();
        var signature = request.Headers[SignatureHeader].ToString();
        if (accessKey.Length == 0)
        {
            return AuthResult.Fail(AuthFailure.Missing, $"{KeyHeader} is required");
        }

        if (!IsWellFormedKey(accessKey))
        {
            return AuthResult.Fail(AuthFailure.Invalid, $"{KeyHeader} is malformed");
        }

        if (signature.Length == 0 && presentedSecret.Length == 0)
        {
            return AuthResult.Fail(AuthFailure.Missing, $"{SignatureHeader} or {SecretHeader} is required");
        }

        var presentedMac = Array.Empty<byte>();
        if (signature.Length > 0 && (!Gw3RequestSignature.TryDecodeBase64(signature, out presentedMac) || presentedMac.Length != Gw3RequestSignature.SignatureBytes))
        {
            return AuthResult.Fail(AuthFailure.Invalid, $"{SignatureHeader} is not the base64 of an HMAC-SHA256");
        }

        if (CheckTimestamp(request.Query["ts"]) is { } stale)
        {
            return stale;
        }

        var lookup = SecretHasher.Hash(accessKey);
        var (credential, cached) = await FindAsync(lookup, cancellationToken);
        var secret = credential is null ? null : Gw3SecretSealer.Open(keys.SealingKey, credential.Properties.GetValueOrDefault(SealedSecretProperty), lookup);
        if (credential is null || secret is null)
        {
            return AuthResult.Fail(AuthFailure.Invalid, "unknown access key");
        }

        var valid = signature.Length > 0
            ? Gw3RequestSignature.TryDecodeBase64(secret, out var key)
              && Gw3RequestSignature.Verify(key, presentedMac, request.Method, request.PathBase + request.Path, request.QueryString.Value ?? "")
            : SecretHasher.FixedTimeEquals(presentedSecret, secret);
        if (!valid)
        {
            return AuthResult.Fail(AuthFailure.Invalid, signature.Length > 0 ? "signature mismatch" : "access secret mismatch");
        }

        if (credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked, "the access key has been revoked");
        }

        if (!credential.IsActive(time.GetUtcNow()))
        {
            return AuthResult.Fail(AuthFailure.Expired, "the access key has expired");
        }

        if (!cached)
        {
            await credentials.TouchAsync(credential, cancellationToken);
        }

        return AuthResult.Success(new GatewayPrincipal(credential.IdentityId, credential.Id, Name, credential.Scopes));
    }

    /// <summary>Access keys as issued here, or any other plausible key: 1–128 URL-safe characters.</summary>
    internal static bool IsWellFormedKey(string key) =>
        key.Length is > 0 and <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<(GatewayCredential? Credential, bool Cached)> FindAsync(string lookup, CancellationToken cancellationToken)
    {
        var duration = options.Value.CredentialCacheDuration;
        var key = (CredentialKinds.Gw3AccessKey, lookup);
        if (duration > TimeSpan.Zero && cache.TryGetValue(key, out GatewayCredential? hit) && hit is not null)
        {
            return (hit, true);
        }

        var credential = await credentials.FindAsync(CredentialKinds.Gw3AccessKey, lookup, cancellationToken);
        if (duration > TimeSpan.Zero && credential is not null)
        {
            cache.Set(key, credential, duration);
        }

        return (credential, false);
    }

    private AuthResult? CheckTimestamp(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthResult.Fail(AuthFailure.Missing, "ts is required");
        }

        if (values.Count > 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "ts must be one integer of Unix seconds");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var window = (long)options.Value.TimestampWindow.TotalSeconds;
        return ts < now - window ? AuthResult.Fail(AuthFailure.Expired, "ts is too old")
            : ts > now + window ? AuthResult.Fail(AuthFailure.Invalid, "ts is in the future")
            : null;
    }
}
