using System.Runtime.CompilerServices;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Pins;

/// <summary>
/// Pins per identity in Table storage (<c>{prefix}pins</c>): partition = owner, row = the CID's multihash key
/// (<see cref="BlockKey"/>), so the CIDv0 and CIDv1 of one root are one pin, as Kubo's pinner treats them. A pin
/// records intent: it never makes private content public, and removing it removes no blocks (the blockstore keeps
/// blocks until a garbage collection, as Kubo's does).
/// </summary>
internal sealed class PinStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    /// <summary>Pins <paramref name="cid"/> for <paramref name="ownerId"/>; pinning again replaces the name.</summary>
    public async Task<PinRecord> AddAsync(string ownerId, Cid cid, string? name, CancellationToken cancellationToken = default)
    {
        var pin = new PinRecord(cid.ToString(), name ?? "", PinRecord.Recursive, time.GetUtcNow());
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await tables.UpsertAsync(names.PinsTable, new TableEntity(Partition(ownerId), BlockKey.For(cid))
        {
            ["Cid"] = pin.Cid,
            ["Name"] = pin.Name,
            ["Type"] = pin.Type,
            ["CreatedAt"] = pin.CreatedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        return pin;
    }

    /// <summary>The owner's pin of <paramref name="cid"/>, or null.</summary>
    public async Task<PinRecord?> GetAsync(string ownerId, Cid cid, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var entity = await tables.GetAsync(names.PinsTable, Partition(ownerId), BlockKey.For(cid), cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Removes the owner's pin of <paramref name="cid"/>; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string ownerId, Cid cid, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        return await tables.DeleteAsync(names.PinsTable, Partition(ownerId), BlockKey.For(cid), "*", cancellationToken);
    }

    /// <summary>Every pin of the owner.</summary>
    public async IAsyncEnumerable<PinRecord> ListAsync(string ownerId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await foreach (var entity in tables.QueryAllAsync(names.PinsTable, $"PartitionKey eq {TableKeys.Literal(Partition(ownerId))}", cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    private static string Partition(string ownerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        return TableKeys.Encode(ownerId);
    }

    private static PinRecord ToRecord(TableEntity e) => new(
        e.GetString("Cid") ?? "",
        e.GetString("Name") ?? "",
        e.GetString("Type") ?? PinRecord.Recursive,
        e.GetDateTimeOffset("CreatedAt") ?? default);
}
