using System.Globalization;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Accounts;

/// <summary>
/// Credentials in Table storage. The credential row is keyed by what a request presents
/// (partition = kind, row = secret hash), so authenticating costs one point read; a second row
/// (partition <c>id</c>, row = credential id) lets an operator revoke by id.
/// </summary>
public sealed class CredentialStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    private const string IdPartition = "id";
    private const string PropertyPrefix = "p_";

    /// <summary>How stale <see cref="GatewayCredential.LastUsedAt"/> may get before a use is written (saves a write per request).</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Records a new credential for an identity and returns it.</summary>
    public Task<GatewayCredential> AddAsync(
        string identityId,
        string kind,
        string secretHash,
        IReadOnlyList<string>? scopes = null,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default) =>
        AddAsync(identityId, kind, secretHash, properties: null, scopes, expiresAt, cancellationToken);

    /// <summary>
    /// Records a new credential with scheme-specific <paramref name="properties"/> kept on its row (e.g. a sealed
    /// secret a scheme needs back, see <see cref="GatewayCredential.Properties"/>), and returns it.
    /// </summary>
    public async Task<GatewayCredential> AddAsync(
        string identityId,
        string kind,
        string secretHash,
        IReadOnlyDictionary<string, string>? properties,
        IReadOnlyList<string>? scopes = null,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(secretHash);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var credential = new GatewayCredential(
            Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture),
            identityId,
            kind,
            secretHash,
            scopes ?? [],
            time.GetUtcNow(),
            expiresAt,
            RevokedAt: null,
            LastUsedAt: null)
        {
            Properties = properties ?? new Dictionary<string, string>(),
        };

        var row = new TableEntity(kind, TableKeys.Encode(secretHash))
        {
            ["CredentialId"] = credential.Id,
            ["IdentityId"] = identityId,
            ["Scopes"] = string.Join(' ', credential.Scopes),
            ["CreatedAt"] = credential.CreatedAt,
        };
        if (expiresAt is { } expires)
        {
            row["ExpiresAt"] = expires;
        }

        foreach (var (name, value) in credential.Properties)
        {
            row[PropertyPrefix + name] = value;
        }

        await tables.InsertAsync(names.CredentialsTable, row, cancellationToken);
        await tables.InsertAsync(names.CredentialsTable, new TableEntity(IdPartition, credential.Id)
        {
            ["Kind"] = kind,
            ["SecretHash"] = secretHash,
            ["IdentityId"] = identityId,
        }, cancellationToken);
        return credential;
    }

    /// <summary>The credential of a kind whose secret hashes to <paramref name="secretHash"/>, active or not; null when unknown.</summary>
    public async Task<GatewayCredential?> FindAsync(string kind, string secretHash, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.CredentialsTable, kind, TableKeys.Encode(secretHash), cancellationToken);
        return row is null ? null : ToCredential(row, secretHash);
    }

    /// <summary>The credential with this id, or null.</summary>
    public async Task<GatewayCredential?> GetAsync(string credentialId, CancellationToken cancellationToken = default)
    {
        var pointer = await GetPointerAsync(credentialId, cancellationToken);
        if (pointer?.GetString("Kind") is not { } kind || pointer.GetString("SecretHash") is not { } hash)
        {
            return null;
        }

        return await FindAsync(kind, hash, cancellationToken);
    }

    /// <summary>Marks the credential revoked. Returns false when no credential has this id.</summary>
    public async Task<bool> RevokeAsync(string credentialId, CancellationToken cancellationToken = default)
    {
        var pointer = await GetPointerAsync(credentialId, cancellationToken);
        if (pointer?.GetString("Kind") is not { } kind || pointer.GetString("SecretHash") is not { } hash)
        {
            return false;
        }

        var revoked = new TableEntity(kind, TableKeys.Encode(hash)) { ["RevokedAt"] = time.GetUtcNow() };
        try
        {
            await tables.UpdateAsync(names.CredentialsTable, revoked, "*", TableUpdateMode.Merge, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 404)
        {
            return false;
        }

        return true;
    }

    /// <summary>Every credential of an identity (revoked ones included), for operators.</summary>
    public async IAsyncEnumerable<GatewayCredential> ListForIdentityAsync(string identityId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var filter = $"PartitionKey eq '{IdPartition}' and IdentityId eq {TableKeys.Literal(identityId)}";
        await foreach (var pointer in tables.QueryAllAsync(names.CredentialsTable, filter, cancellationToken))
        {
            if (pointer.GetString("Kind") is { } kind && pointer.GetString("SecretHash") is { } hash
                && await FindAsync(kind, hash, cancellationToken) is { } credential)
            {
                yield return credential;
            }
        }
    }

    /// <summary>Records a use, at most once per <see cref="LastUseResolution"/>.</summary>
    public async Task TouchAsync(GatewayCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var now = time.GetUtcNow();
        if (credential.LastUsedAt is { } last && now - last < LastUseResolution)
        {
            return;
        }

        var used = new TableEntity(credential.Kind, TableKeys.Encode(credential.SecretHash)) { ["LastUsedAt"] = now };
        try
        {
            await tables.UpdateAsync(names.CredentialsTable, used, "*", TableUpdateMode.Merge, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 404)
        {
            // Removed meanwhile: nothing to record.
        }
    }

    private async Task<TableEntity?> GetPointerAsync(string credentialId, CancellationToken cancellationToken)
    {
        if (!IdentityStore.IsValidId(credentialId))
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        return await tables.GetAsync(names.CredentialsTable, IdPartition, credentialId, cancellationToken);
    }

    private static GatewayCredential ToCredential(TableEntity row, string secretHash) => new(
        row.GetString("CredentialId") ?? "",
        row.GetString("IdentityId") ?? "",
        row.PartitionKey,
        secretHash,
        (row.GetString("Scopes") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        row.GetDateTimeOffset("CreatedAt") ?? default,
        row.GetDateTimeOffset("ExpiresAt"),
        row.GetDateTimeOffset("RevokedAt"),
        row.GetDateTimeOffset("LastUsedAt"))
    {
        Properties = row.Properties
            .Where(p => p.Key.StartsWith(PropertyPrefix, StringComparison.Ordinal) && p.Value is string)
            .ToDictionary(p => p.Key[PropertyPrefix.Length..], p => (string)p.Value!, StringComparer.Ordinal),
    };
}
