using System.Globalization;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Accounts;

/// <summary>
/// Identities in Table storage: one row per identity (partition <c>identity</c>), and one row per handle
/// (partition <c>handle:{scheme}</c>, row the handle) pointing at it so that a handle is unique per scheme.
/// </summary>
public sealed class IdentityStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    private const string IdentityPartition = "identity";
    private const string HandlePrefix = "handle_";

    /// <summary>Creates an identity with a new id.</summary>
    public async Task<GatewayIdentity> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var identity = new GatewayIdentity(NewId(), name, time.GetUtcNow(), new Dictionary<string, string>());
        var entity = new TableEntity(IdentityPartition, identity.Id)
        {
            ["Name"] = identity.Name,
            ["CreatedAt"] = identity.CreatedAt,
        };
        await tables.InsertAsync(names.IdentitiesTable, entity, cancellationToken);
        return identity;
    }

    /// <summary>The identity, or null.</summary>
    public async Task<GatewayIdentity?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(id))
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var entity = await tables.GetAsync(names.IdentitiesTable, IdentityPartition, id, cancellationToken);
        return entity is null ? null : ToIdentity(entity);
    }

    /// <summary>Every identity, oldest first.</summary>
    public async IAsyncEnumerable<GatewayIdentity> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await foreach (var entity in tables.QueryAllAsync(names.IdentitiesTable, $"PartitionKey eq '{IdentityPartition}'", cancellationToken))
        {
            yield return ToIdentity(entity);
        }
    }

    /// <summary>
    /// Binds a handle of a scheme to an identity. Returns false when the handle already belongs to
    /// another identity.
    /// </summary>
    public async Task<bool> SetHandleAsync(string identityId, string scheme, string handle, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var pointer = new TableEntity(HandlePartition(scheme), TableKeys.Encode(handle)) { ["IdentityId"] = identityId };
        try
        {
            await tables.InsertAsync(names.IdentitiesTable, pointer, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            var existing = await tables.GetAsync(names.IdentitiesTable, pointer.PartitionKey, pointer.RowKey, cancellationToken);
            if (existing?.GetString("IdentityId") != identityId)
            {
                return false;
            }
        }

        var entity = new TableEntity(IdentityPartition, identityId) { [HandlePrefix + scheme] = handle };
        await tables.UpdateAsync(names.IdentitiesTable, entity, "*", TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>The identity a handle of a scheme belongs to, or null.</summary>
    public async Task<GatewayIdentity?> FindByHandleAsync(string scheme, string handle, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var pointer = await tables.GetAsync(names.IdentitiesTable, HandlePartition(scheme), TableKeys.Encode(handle), cancellationToken);
        var id = pointer?.GetString("IdentityId");
        return id is null ? null : await GetAsync(id, cancellationToken);
    }

    /// <summary>Ids are 32 lowercase hex digits.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private static string NewId() => Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture);

    private static string HandlePartition(string scheme) => "handle:" + scheme;

    private static GatewayIdentity ToIdentity(TableEntity entity)
    {
        var handles = entity.Properties
            .Where(p => p.Key.StartsWith(HandlePrefix, StringComparison.Ordinal) && p.Value is string)
            .ToDictionary(p => p.Key[HandlePrefix.Length..], p => (string)p.Value!, StringComparer.Ordinal);
        return new GatewayIdentity(entity.RowKey, entity.GetString("Name") ?? "", entity.GetDateTimeOffset("CreatedAt") ?? default, handles);
    }
}
