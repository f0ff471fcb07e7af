using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Which files have a given root CID, across owners: partition = the CID's multihash key (<see cref="BlockKey"/>,
/// so CIDv0 and CIDv1 of one root meet), row = <c>{owner}~{file id}</c>. Lets the gateway serve a root by CID
/// from its file before the push has stored the blocks, and tells whether any file still holds a CID.
/// </summary>
internal sealed class CidIndex(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names)
{
    /// <summary>Records that <paramref name="record"/> has its CID (no-op for a record without one).</summary>
    public async Task AddAsync(FileRecord record, CancellationToken cancellationToken = default)
    {
        if (!TryKey(record, out var partition))
        {
            return;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await tables.UpsertAsync(names.CidsTable, new TableEntity(partition, Row(record.OwnerId, record.Id))
        {
            ["OwnerId"] = record.OwnerId,
            ["FileId"] = record.Id,
            ["Public"] = record.Public,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Forgets the record's entry; a missing one is not an error.</summary>
    public async Task RemoveAsync(FileRecord record, CancellationToken cancellationToken = default)
    {
        if (!TryKey(record, out var partition))
        {
            return;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await tables.DeleteAsync(names.CidsTable, partition, Row(record.OwnerId, record.Id), "*", cancellationToken);
    }

    /// <summary>Every file whose root is <paramref name="cid"/> (at most <paramref name="limit"/>), with whether it is public.</summary>
    public async Task<IReadOnlyList<CidIndexEntry>> FindAsync(Cid cid, int limit = 10, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var page = await tables.QueryAsync(names.CidsTable, $"PartitionKey eq {TableKeys.Literal(BlockKey.For(cid))}", limit, null, cancellationToken);
        return page.Items
            .Where(e => e.GetString("OwnerId") is not null && e.GetString("FileId") is not null)
            .Select(e => new CidIndexEntry(e.GetString("OwnerId")!, e.GetString("FileId")!, e["Public"] is true))
            .ToList();
    }

    private static bool TryKey(FileRecord record, out string partition)
    {
        ArgumentNullException.ThrowIfNull(record);
        partition = "";
        if (record.Cid is null || !Cid.TryParse(record.Cid, out var cid))
        {
            return false;
        }

        partition = BlockKey.For(cid);
        return true;
    }

    private static string Row(string ownerId, string fileId) => TableKeys.Encode(ownerId) + "~" + fileId;
}
