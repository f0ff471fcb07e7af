using System.Security.Cryptography;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Memo.Chain;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// The DID era's sign-in (compat §2.5): a login agrees on a token and resets the request id to 0; each signed
/// request then carries the next request id. Signatures are over the raw hashes of <see cref="MemoDid"/> with
/// v ∈ {0, 1}, by one of the DID's authentication keys in the DID registry. Failure messages are the original's.
/// Safer than the original: a login's timestamp is bounded in the future as well as the past, and a request's
/// signature is checked before its request id is consumed, so that a forged request cannot use one up.
/// </summary>
internal sealed class MemoDidAuth(
    MemoDidSessions sessions,
    MemoIdentities identities,
    CredentialStore credentials,
    MemoChain chain,
    IOptions<MemoOptions> options,
    TimeProvider time)
{
    public const string MissingParameters = "Missing parameters, please refer to the API documentation for details";
    public const string TimedOut = "the request has timed out, please log in within one minute";
    public const string InTheFuture = "the request is from the future, please check your clock";
    public const string NotLater = "the current request is later than the latest request";
    public const string NoSession = "cannot find session, please log in first";
    public const string TokenMismatch = "can't match the token, please check your input or log in again";
    public const string NotSequential = "not a sequential request";
    public const string BadRecoveryId = "invalid signature recovery id";

    /// <summary>The claim holding the DID.</summary>
    public const string DidClaim = "did";

    /// <summary>The claim holding the address chain calls use (the DID's master key, <c>resolver.GetMasterKey</c>).</summary>
    public const string AddressClaim = "address";

    /// <summary>The scheme name on principals.</summary>
    public const string SchemeName = "memo-did";

    /// <summary>Logs a DID in; returns null on success or the failure message (401 <c>{"error":…}</c>).</summary>
    public async Task<string?> LoginAsync(string did, string token, long timestamp, string signature, CancellationToken cancellationToken = default)
    {
        if (!MemoDid.IsValid(did))
        {
            return "invalid did " + did;
        }

        if (!MemoDid.TryDecodeHex(token, out var tokenBytes))
        {
            return "invalid token: not 0x-prefixed hex";
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (timestamp <= now - (long)options.Value.DidLoginWindow.TotalSeconds)
        {
            return TimedOut;
        }

        if (timestamp > now + (long)options.Value.ClockSkew.TotalSeconds)
        {
            return InTheFuture;
        }

        var signer = await CheckSignatureAsync(did, MemoDid.LoginHash(did, tokenBytes, timestamp), signature, cancellationToken);
        if (signer.Failure is { } failure)
        {
            return failure;
        }

        var normalizedToken = "0x" + Convert.ToHexStringLower(tokenBytes);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var previous = await sessions.GetAsync(did, cancellationToken);
            if (previous is not null && timestamp <= previous.LastLogin)
            {
                return NotLater;
            }

            var identity = previous?.IdentityId is { Length: > 0 } known ? known : await identities.GetOrCreateAsync(did, cancellationToken);
            var hash = SessionHash(did, normalizedToken, timestamp);
            var credential = await credentials.AddAsync(identity, CredentialKinds.MemoDidSession, hash, cancellationToken: cancellationToken);
            var next = new MemoDidSession(did, identity, credential.Id, hash, normalizedToken, timestamp, RequestId: 0);
            if (await sessions.TryReplaceAsync(previous, next, cancellationToken))
            {
                return null;
            }

            // Another login for this DID landed between the read and the write; look again.
            await credentials.RevokeAsync(credential.Id, CancellationToken.None);
        }

        return NotLater;
    }

    /// <summary>Checks a signed request and consumes its request id; the principal, or the failure message.</summary>
    public async Task<AuthResult> VerifyAsync(MemoSignedFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Did is null || fields.Token is null || fields.RequestId is null || fields.Signature is null)
        {
            return AuthResult.Fail(AuthFailure.Missing, MissingParameters);
        }

        var did = fields.Did;
        if (!MemoDid.IsValid(did))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "invalid did " + did);
        }

        if (!MemoDid.TryDecodeHex(fields.Token, out var token))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "invalid token: not 0x-prefixed hex");
        }

        byte[] payload = [];
        if (!string.IsNullOrEmpty(fields.Payload) && !MemoDid.TryDecodeHex(fields.Payload, out payload))
        {
            return AuthResult.Fail(AuthFailure.Invalid, "invalid payload: not 0x-prefixed hex");
        }

        var session = await sessions.GetAsync(did, cancellationToken);
        if (session is null)
        {
            return AuthResult.Fail(AuthFailure.Missing, NoSession);
        }

        if (!MemoDid.TryDecodeHex(session.Token, out var sessionToken) || !CryptographicOperations.FixedTimeEquals(token, sessionToken))
        {
            return AuthResult.Fail(AuthFailure.Invalid, TokenMismatch);
        }

        var requestId = fields.RequestId.Value;
        if (requestId != session.RequestId + 1)
        {
            return AuthResult.Fail(AuthFailure.Invalid, NotSequential);
        }

        var signer = await CheckSignatureAsync(did, MemoDid.RequestHash(did, token, payload, requestId), fields.Signature, cancellationToken);
        if (signer.Failure is { } failure)
        {
            return AuthResult.Fail(AuthFailure.Invalid, failure);
        }

        var credential = await credentials.FindAsync(CredentialKinds.MemoDidSession, session.CredentialHash, cancellationToken);
        if (credential is null || credential.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthFailure.Revoked, NoSession);
        }

        if (!await sessions.TryAdvanceAsync(session, requestId, cancellationToken))
        {
            // Another request (or a new login) changed the session since it was read: this id is spent.
            return AuthResult.Fail(AuthFailure.Invalid, NotSequential);
        }

        var address = await chain.GetDidMasterAddressAsync(did, cancellationToken) ?? signer.Address;
        return AuthResult.Success(new GatewayPrincipal(session.IdentityId, session.CredentialId, SchemeName, [])
        {
            Claims = new Dictionary<string, string>(StringComparer.Ordinal) { [DidClaim] = did, [AddressClaim] = address.ToString() },
        });
    }

    /// <summary>The session as <c>GET /login?did=</c> shows it, or null.</summary>
    public Task<MemoDidSession?> GetSessionAsync(string did, CancellationToken cancellationToken = default) =>
        MemoDid.IsValid(did) ? sessions.GetAsync(did, cancellationToken) : Task.FromResult<MemoDidSession?>(null);

    private async Task<(EthereumAddress Address, string? Failure)> CheckSignatureAsync(string did, byte[] hash, string signature, CancellationToken cancellationToken)
    {
        if (!MemoDid.TryDecodeHex(signature, out var rsv) || rsv.Length != EthereumSigner.SignatureLength)
        {
            return (default, "invalid signature length");
        }

        // go-ethereum's SigToPub takes v ∈ {0, 1} only; 27/28 are not normalised in the DID era (compat §2.5).
        if (rsv[64] > 1)
        {
            return (default, BadRecoveryId);
        }

        var recovered = EthereumSigner.RecoverAddress(hash, rsv);
        if (!recovered.IsValid)
        {
            return (default, "invalid signature");
        }

        var keys = await chain.GetDidAuthenticationAsync(did, cancellationToken);
        return keys.Contains(recovered.Address) ? (recovered.Address, null) : (default, $"can't log in as {did}");
    }

    private static string SessionHash(string did, string token, long timestamp) =>
        SecretHasher.Hash(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{did}\n{token}\n{timestamp}"));
}

/// <summary>
/// The fields of a signed request (compat §2.5): from a JSON body (<c>payload</c>) or from form or query fields
/// (<c>hash</c>). Null where the request did not carry the field or carried the wrong JSON type.
/// </summary>
public sealed record MemoSignedFields(string? Did, string? Token, long? RequestId, string? Signature, string? Payload)
{
    /// <summary>True when the request carries any DID-era field, i.e. it means to be a signed request.</summary>
    public bool IsPresent => Did is not null || Token is not null || RequestId is not null || Signature is not null;

    /// <summary>Reads the form or query fields <c>did, token, requestID, signature, hash</c>.</summary>
    public static MemoSignedFields FromFields(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var requestId = field("requestID");
        return new MemoSignedFields(
            field("did"),
            field("token"),
            long.TryParse(requestId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null,
            field("signature"),
            field("hash") ?? field("payload"));
    }
}
