using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// CESS-Gateway's authenticated preamble (compat.md §1.3): the raw token in <c>Authorization</c> (no <c>Bearer</c>),
/// Base58 → RSA → JSON, then <c>now &gt;= expirationTime</c> is expired. Safer than the original: the token must also
/// not be revoked. Tokens this gateway issued are recorded (hashed) when issued; a correctly encrypted token it has
/// never seen (issued by the original gateway whose key the operator brought) is recorded on first use, so that it
/// too can be revoked, and its mailbox becomes (or finds) the user's identity.
/// </summary>
public sealed class CessTokenScheme(CessTokenKeyProvider keys, CredentialStore credentials, CessUsers users, TimeProvider time) : IAuthScheme
{
    public string Name => CredentialKinds.CessToken;

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Headers[HeaderNames.Authorization].ToString();
        if (token.Length == 0)
        {
            return AuthResult.Fail(AuthFailure.Missing);
        }

        var decoded = CessTokenCodec.TryDecode(token, await keys.GetKeyAsync(cancellationToken));
        if (decoded is null)
        {
            return AuthResult.Fail(AuthFailure.Invalid);
        }

        if (decoded.IsExpiredAt(time.GetUtcNow().ToUnixTimeSeconds()))
        {
            return AuthResult.Fail(AuthFailure.Expired);
        }

        var hash = SecretHasher.Hash(token);
        var credential = await credentials.FindAsync(CredentialKinds.CessToken, hash, cancellationToken)
            ?? await AdoptAsync(decoded, hash, cancellationToken);
        if (credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked);
        }

        await credentials.TouchAsync(credential, cancellationToken);
        return AuthResult.Success(new GatewayPrincipal(credential.IdentityId, credential.Id, Name, credential.Scopes));
    }

    /// <summary>Records a valid token this gateway did not issue, under its mailbox's identity.</summary>
    private async Task<GatewayCredential> AdoptAsync(CessToken token, string hash, CancellationToken cancellationToken)
    {
        var identity = await users.GetOrCreateAsync(token.Mailbox, cancellationToken);
        try
        {
            return await credentials.AddAsync(identity.Id, CredentialKinds.CessToken, hash, expiresAt: DateTimeOffset.FromUnixTimeSeconds(token.ExpirationTime), cancellationToken: cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            // A concurrent first use recorded it.
            return await credentials.FindAsync(CredentialKinds.CessToken, hash, cancellationToken)
                ?? throw new InvalidOperationException("A CESS token was recorded and removed at once.", e);
        }
    }
}
