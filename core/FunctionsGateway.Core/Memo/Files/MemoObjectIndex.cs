using System.Globalization;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Memo.Files;

/// <summary>
/// The MEMO surface's view of its files (compat §2.4–§2.5 <c>listobjects</c>): partition = owner, row = the object's
/// number, the DID era's <c>ID</c> (19 digits, so rows sort by number), pointing at the gateway's file. Numbers come
/// from a counter row in the same partition, taken in one entity-group transaction with the object's insert, so two
/// uploads never share one. Public objects are also listed in the <c>dns</c> partition, which <c>/search</c> reads.
/// </summary>
internal sealed class MemoObjectIndex(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names)
{
    private const string CounterRow = "counter";
    private const string SearchPartition = "dns";
    private const int MaxAttempts = 8;

    /// <summary>Numbers and records an object for a file just uploaded.</summary>
    public async Task<MemoObject> AddAsync(string ownerId, MemoStorageType storage, FileRecord file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await tables.GetAsync(names.MemoObjectsTable, ownerId, CounterRow, cancellationToken);
            var id = counter?.GetInt64("Next") ?? 1;
            var item = new MemoObject(id, ownerId, storage, file.Id, file.Name, file.Size, file.Cid ?? file.Id, file.CreatedAt, file.Public);
            var next = new TableEntity(ownerId, CounterRow) { ["Next"] = id + 1 };
            TableBatchOperation take = counter is null
                ? new(TableBatchKind.Insert, next)
                : new(TableBatchKind.UpdateMerge, next, counter.ETag);
            try
            {
                await tables.SubmitBatchAsync(names.MemoObjectsTable, [take, new(TableBatchKind.Insert, ToEntity(item))], cancellationToken);
            }
            catch (AzureStorageException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                continue; // Another upload took this number; read the counter again.
            }

            if (item.Public)
            {
                await tables.UpsertAsync(names.MemoObjectsTable, SearchEntry(item), TableUpdateMode.Replace, cancellationToken);
            }

            return item;
        }
    }

    /// <summary>The owner's objects of one storage type, by number.</summary>
    public async Task<IReadOnlyList<MemoObject>> ListAsync(string ownerId, MemoStorageType storage, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var filter = $"PartitionKey eq {TableKeys.Literal(ownerId)} and Storage eq {TableKeys.Literal(MemoStorage.Name(storage))}";
        var items = new List<MemoObject>();
        await foreach (var row in tables.QueryAllAsync(names.MemoObjectsTable, filter, cancellationToken))
        {
            if (ToObject(row) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The owner's object with this number, or null.</summary>
    public async Task<MemoObject?> GetAsync(string ownerId, long id, CancellationToken cancellationToken = default)
    {
        if (id <= 0)
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.MemoObjectsTable, ownerId, Row(id), cancellationToken);
        return row is null ? null : ToObject(row);
    }

    /// <summary>The owner's newest object of a storage type with this mid (CID), or null.</summary>
    public async Task<MemoObject?> FindByMidAsync(string ownerId, MemoStorageType storage, string mid, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var filter = $"PartitionKey eq {TableKeys.Literal(ownerId)} and Storage eq {TableKeys.Literal(MemoStorage.Name(storage))} and Mid eq {TableKeys.Literal(mid)}";
        MemoObject? found = null;
        await foreach (var row in tables.QueryAllAsync(names.MemoObjectsTable, filter, cancellationToken))
        {
            found = ToObject(row) ?? found;
        }

        return found;
    }

    /// <summary>Removes an object (and its search entry); false when it was gone already.</summary>
    public async Task<bool> RemoveAsync(MemoObject item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        if (item.Public)
        {
            await tables.DeleteAsync(names.MemoObjectsTable, SearchPartition, SearchRow(item), "*", cancellationToken);
        }

        return await tables.DeleteAsync(names.MemoObjectsTable, item.OwnerId, Row(item.Id), "*", cancellationToken);
    }

    /// <summary>
    /// Public objects whose name contains <paramref name="query"/> (case-insensitive), page <paramref name="page"/>
    /// (1-based) of <paramref name="size"/>; the scan stops after <paramref name="scanLimit"/> entries.
    /// </summary>
    public async Task<IReadOnlyList<MemoObject>> SearchAsync(string query, int page, int size, int scanLimit, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var skip = (long)(page - 1) * size;
        var found = new List<MemoObject>(size);
        var scanned = 0;
        await foreach (var row in tables.QueryAllAsync(names.MemoObjectsTable, $"PartitionKey eq '{SearchPartition}'", cancellationToken))
        {
            if (++scanned > scanLimit || found.Count == size)
            {
                break;
            }

            if (ToObject(row) is { } item && item.Name.Contains(query, StringComparison.OrdinalIgnoreCase) && skip-- <= 0)
            {
                found.Add(item);
            }
        }

        return found;
    }

    private static string Row(long id) => id.ToString("D19", CultureInfo.InvariantCulture);

    private static string SearchRow(MemoObject item) => TableKeys.Encode(item.OwnerId) + "~" + Row(item.Id);

    private static TableEntity ToEntity(MemoObject item) => new(item.OwnerId, Row(item.Id))
    {
        ["Id"] = item.Id,
        ["Owner"] = item.OwnerId,
        ["Storage"] = MemoStorage.Name(item.Storage),
        ["FileId"] = item.FileId,
        ["Name"] = item.Name,
        ["Size"] = item.Size,
        ["Mid"] = item.Mid,
        ["ModTime"] = item.ModTime,
        ["Public"] = item.Public,
    };

    private static TableEntity SearchEntry(MemoObject item)
    {
        var entity = ToEntity(item);
        var search = new TableEntity(SearchPartition, SearchRow(item));
        foreach (var (name, value) in entity.Properties)
        {
            search[name] = value;
        }

        return search;
    }

    private static MemoObject? ToObject(TableEntity row) =>
        row.GetInt64("Id") is { } id && MemoStorage.TryParse(row.GetString("Storage"), out var storage) && row.GetString("FileId") is { } fileId
            ? new MemoObject(id, row.GetString("Owner") ?? row.PartitionKey, storage, fileId, row.GetString("Name") ?? "", row.GetInt64("Size") ?? 0,
                row.GetString("Mid") ?? fileId, row.GetDateTimeOffset("ModTime") ?? default, row.GetBoolean("Public") ?? false)
            : null;
}

/// <summary>One object of the MEMO surface: its number, owner, storage type and the gateway file behind it.</summary>
internal sealed record MemoObject(long Id, string OwnerId, MemoStorageType Storage, string FileId, string Name, long Size, string Mid, DateTimeOffset ModTime, bool Public);
