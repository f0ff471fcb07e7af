using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// DID sessions (compat §2.5) in the credentials table (DESIGN.md §5), one row per DID: partition = the DID,
/// row <c>memo-session</c>. Every change is conditional on the ETag read, so that a request id is consumed once
/// and a login replaces exactly the session it saw, however many instances race.
/// </summary>
internal sealed class MemoDidSessions(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names)
{
    private const string Row = "memo-session";

    /// <summary>The DID's session, with its ETag; null when it never logged in.</summary>
    public async Task<MemoDidSession?> GetAsync(string did, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.CredentialsTable, did, Row, cancellationToken);
        return row is null
            ? null
            : new MemoDidSession(
                did,
                row.GetString("IdentityId") ?? "",
                row.GetString("CredentialId") ?? "",
                row.GetString("CredentialHash") ?? "",
                row.GetString("Token") ?? "",
                row.GetInt64("LastLogin") ?? 0,
                row.GetInt64("RequestId") ?? 0) { ETag = row.ETag };
    }

    /// <summary>
    /// Writes a new session in place of <paramref name="previous"/> (null: there was none). False when another
    /// writer changed or created the row since it was read.
    /// </summary>
    public async Task<bool> TryReplaceAsync(MemoDidSession? previous, MemoDidSession next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = new TableEntity(next.Did, Row)
        {
            ["IdentityId"] = next.IdentityId,
            ["CredentialId"] = next.CredentialId,
            ["CredentialHash"] = next.CredentialHash,
            ["Token"] = next.Token,
            ["LastLogin"] = next.LastLogin,
            ["RequestId"] = next.RequestId,
        };
        if (previous is null)
        {
            try
            {
                await tables.InsertAsync(names.CredentialsTable, row, cancellationToken);
                return true;
            }
            catch (AzureStorageException e) when (e.Status == 409)
            {
                return false;
            }
        }

        return await tables.TryUpdateAsync(names.CredentialsTable, row, previous.ETag ?? "*", TableUpdateMode.Replace, cancellationToken) is not null;
    }

    /// <summary>Moves the session's request id to <paramref name="requestId"/> if the row is still the one read; false when another request got there first.</summary>
    public async Task<bool> TryAdvanceAsync(MemoDidSession session, long requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = new TableEntity(session.Did, Row) { ["RequestId"] = requestId };
        return await tables.TryUpdateAsync(names.CredentialsTable, row, session.ETag ?? throw new ArgumentException("The session has no ETag.", nameof(session)), TableUpdateMode.Merge, cancellationToken) is not null;
    }
}

/// <summary>
/// One DID's session: the token agreed at login (0x-hex as sent; not a secret, every signed request repeats it),
/// the login's timestamp, the last request id consumed, and the credential an operator can revoke.
/// </summary>
internal sealed record MemoDidSession(string Did, string IdentityId, string CredentialId, string CredentialHash, string Token, long LastLogin, long RequestId)
{
    /// <summary>The row's ETag when read.</summary>
    public string? ETag { get; init; }
}
