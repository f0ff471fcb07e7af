using System.Security.Cryptography;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// Single-use nonces in Table storage (DESIGN.md §1: no state in memory), partition = the nonce so that requests
/// spread over partitions. A SIWE challenge records what it was issued for; consuming it is a read and a delete
/// conditional on the read's ETag, so of two instances racing with one nonce exactly one wins. Lens messages
/// carry Lens's nonce, which is recorded when used so that a captured message cannot be played again.
/// </summary>
internal sealed class MemoNonceStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    private const string SiweRow = "siwe";
    private const string LensRow = "lens";

    /// <summary>A new nonce as the original makes them: 64 lower-case hex digits of a Keccak-256 of random bytes.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(Keccak256.Hash(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Records a challenge.</summary>
    public async Task IssueAsync(SiweChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await tables.InsertAsync(names.NoncesTable, new TableEntity(challenge.Nonce, SiweRow)
        {
            ["Domain"] = challenge.Domain,
            ["Uri"] = challenge.Uri,
            ["Address"] = challenge.Address.ToString(),
            ["ChainId"] = challenge.ChainId,
            ["ExpiresAt"] = challenge.ExpiresAt,
        }, cancellationToken);
    }

    /// <summary>
    /// Takes a challenge out: the challenge when this caller removed it before it expired; null when it never
    /// existed, was used already (here or on another instance), or has expired.
    /// </summary>
    public async Task<SiweChallenge?> ConsumeAsync(string nonce, CancellationToken cancellationToken = default)
    {
        if (!IsNonceKey(nonce))
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.NoncesTable, nonce, SiweRow, cancellationToken);
        if (row is null || !await tables.TryDeleteAsync(names.NoncesTable, nonce, SiweRow, row.ETag ?? "*", cancellationToken))
        {
            return null;
        }

        var expiresAt = row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue;
        if (time.GetUtcNow() >= expiresAt || !EthereumAddress.TryParse(row.GetString("Address"), out var address))
        {
            return null;
        }

        return new SiweChallenge(nonce, row.GetString("Domain") ?? "", row.GetString("Uri") ?? "", address, row.GetInt64("ChainId") ?? 0, expiresAt);
    }

    /// <summary>Records that a Lens message's nonce was used; false when it had been already.</summary>
    public async Task<bool> TryUseLensNonceAsync(string nonce, DateTimeOffset keepUntil, CancellationToken cancellationToken = default)
    {
        if (!IsNonceKey(nonce))
        {
            return false;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        try
        {
            await tables.InsertAsync(names.NoncesTable, new TableEntity(nonce, LensRow) { ["ExpiresAt"] = keepUntil }, cancellationToken);
            return true;
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            return false;
        }
    }

    // SIWE nonces are [a-zA-Z0-9]{8,}; anything else can never have been issued and is not worth a request.
    private static bool IsNonceKey(string? nonce) => nonce is { Length: >= 8 and <= 256 } && nonce.All(char.IsAsciiLetterOrDigit);
}

/// <summary>What a SIWE nonce was issued for (compat §2.3 <c>/challenge</c>) and until when it may be used.</summary>
internal sealed record SiweChallenge(string Nonce, string Domain, string Uri, EthereumAddress Address, long ChainId, DateTimeOffset ExpiresAt);
