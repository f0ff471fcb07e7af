using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// The CESS surface's view of files (the original's LevelDB keys <c>md5(mailbox+name)</c> and <c>mailbox+fid</c>,
/// compat.md §1.5, §1.7) in Table storage. Per user (partition = identity id): one row per name
/// (<c>n_{name}</c> → fid, or a reservation while the upload runs) and one per fid (<c>f_{fid}</c> → the platform
/// file, its names, size, time). Per fid (partition <c>fid_{fid}</c>): one row per user holding it, so that the
/// unauthenticated routes (<c>GET /{fid}</c>, <c>/state/{fid}</c>) find it. Names are unique per user, reserved
/// with an insert before the body is read, so two uploads of one name cannot both succeed.
/// </summary>
public sealed class CessFileIndex(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    /// <summary>A reservation older than this belongs to an upload that died; a new upload of the name takes it over.</summary>
    public static readonly TimeSpan StaleReservation = TimeSpan.FromHours(1);

    private const char NameSeparator = '\n';

    /// <summary>Reserves <paramref name="name"/> for the owner; false when the owner already has (or is uploading) a file of that name.</summary>
    public async Task<bool> TryReserveNameAsync(string ownerId, string name, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = new TableEntity(ownerId, NameRow(name)) { ["Pending"] = true, ["ReservedAt"] = time.GetUtcNow() };
        try
        {
            await tables.InsertAsync(names.CessFilesTable, row, cancellationToken);
            return true;
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            var existing = await tables.GetAsync(names.CessFilesTable, ownerId, NameRow(name), cancellationToken);
            var stale = existing is not null && existing.GetBoolean("Pending") == true
                && existing.GetDateTimeOffset("ReservedAt") is { } at && time.GetUtcNow() - at > StaleReservation;
            return stale && await tables.TryUpdateAsync(names.CessFilesTable, row, existing!.ETag ?? "*", TableUpdateMode.Replace, cancellationToken) is not null;
        }
    }

    /// <summary>Drops a reservation whose upload failed.</summary>
    public async Task ReleaseNameAsync(string ownerId, string name, CancellationToken cancellationToken = default) =>
        await tables.DeleteAsync(names.CessFilesTable, ownerId, NameRow(name), "*", cancellationToken);

    /// <summary>
    /// Records a finished upload under its reserved name. When the owner already holds this fid, the name is added to
    /// that entry and its platform file id returned (the caller discards the duplicate upload); otherwise null.
    /// </summary>
    public async Task<string?> CompleteAsync(string ownerId, string name, string fid, string fileId, long size, CancellationToken cancellationToken = default)
    {
        string? existingFileId = null;
        var entry = new TableEntity(ownerId, FidRow(fid)) { ["FileId"] = fileId, ["Names"] = name, ["Size"] = size, ["CreatedAt"] = time.GetUtcNow() };
        try
        {
            await tables.InsertAsync(names.CessFilesTable, entry, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            while (true)
            {
                var current = await tables.GetAsync(names.CessFilesTable, ownerId, FidRow(fid), cancellationToken)
                    ?? throw new InvalidOperationException($"The entry of {fid} vanished while a name was added to it.");
                existingFileId = current.GetString("FileId");
                var merged = new TableEntity(ownerId, FidRow(fid)) { ["Names"] = string.Join(NameSeparator, ReadNames(current).Append(name).Distinct(StringComparer.Ordinal)) };
                if (await tables.TryUpdateAsync(names.CessFilesTable, merged, current.ETag ?? "*", TableUpdateMode.Merge, cancellationToken) is not null)
                {
                    break;
                }
            }
        }

        await tables.UpsertAsync(names.CessFilesTable, new TableEntity(HolderPartition(fid), ownerId) { ["FileId"] = existingFileId ?? fileId }, TableUpdateMode.Replace, cancellationToken);
        await tables.UpsertAsync(names.CessFilesTable, new TableEntity(ownerId, NameRow(name)) { ["Fid"] = fid, ["Pending"] = false }, TableUpdateMode.Replace, cancellationToken);
        return existingFileId;
    }

    /// <summary>The owner's entry for a fid, or null.</summary>
    public async Task<CessFileEntry?> FindAsync(string ownerId, string fid, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.CessFilesTable, ownerId, FidRow(fid), cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Every entry of the owner, oldest first (the order the original's chain list has).</summary>
    public async Task<IReadOnlyList<CessFileEntry>> ListAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var filter = $"PartitionKey eq {TableKeys.Literal(ownerId)} and RowKey ge 'f_' and RowKey lt 'f`'";
        var entries = new List<CessFileEntry>();
        await foreach (var row in tables.QueryAllAsync(names.CessFilesTable, filter, cancellationToken))
        {
            entries.Add(ToEntry(row));
        }

        return entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Fid, StringComparer.Ordinal).ToList();
    }

    /// <summary>The users holding a fid and their platform file ids.</summary>
    public async Task<IReadOnlyList<(string OwnerId, string FileId)>> HoldersAsync(string fid, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var holders = new List<(string, string)>();
        await foreach (var row in tables.QueryAllAsync(names.CessFilesTable, $"PartitionKey eq {TableKeys.Literal(HolderPartition(fid))}", cancellationToken))
        {
            holders.Add((row.RowKey, row.GetString("FileId") ?? ""));
        }

        return holders;
    }

    /// <summary>True when any user holds any file (the original's "Empty" is the gateway account holding none).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var page = await tables.QueryAsync(names.CessFilesTable, "PartitionKey ge 'fid_' and PartitionKey lt 'fid`'", 1, null, cancellationToken);
        return page.Items.Count > 0 || page.Continuation is not null;
    }

    /// <summary>Removes the owner's entry of a fid and all its names.</summary>
    public async Task RemoveAsync(string ownerId, CessFileEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await tables.DeleteAsync(names.CessFilesTable, HolderPartition(entry.Fid), ownerId, "*", cancellationToken);
        foreach (var name in entry.Names)
        {
            await tables.DeleteAsync(names.CessFilesTable, ownerId, NameRow(name), "*", cancellationToken);
        }

        await tables.DeleteAsync(names.CessFilesTable, ownerId, FidRow(entry.Fid), "*", cancellationToken);
    }

    private static string NameRow(string name) => "n_" + TableKeys.Encode(name);

    private static string FidRow(string fid) => "f_" + fid;

    private static string HolderPartition(string fid) => "fid_" + fid;

    private static string[] ReadNames(TableEntity row) => (row.GetString("Names") ?? "").Split(NameSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static CessFileEntry ToEntry(TableEntity row) => new(
        row.RowKey[2..], row.GetString("FileId") ?? "", ReadNames(row).ToList(), row.GetInt64("Size") ?? 0, row.GetDateTimeOffset("CreatedAt") ?? default);
}

/// <summary>One user's file as the CESS surface knows it: its fid, the platform file holding the bytes, and its names.</summary>
public sealed record CessFileEntry(string Fid, string FileId, IReadOnlyList<string> Names, long Size, DateTimeOffset CreatedAt);
