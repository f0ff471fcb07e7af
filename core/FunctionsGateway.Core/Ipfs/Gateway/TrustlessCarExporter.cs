using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Dag;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>
/// Streams a trustless-gateway CAR (https://specs.ipfs.tech/http-gateways/trustless-gateway/; spec/standards.md §5.3):
/// a CARv1 header whose root is the request's root CID, the blocks read to traverse the path, then the terminal's
/// blocks for the requested <c>dag-scope</c> or <c>entity-bytes</c>, depth-first, each block once unless duplicates
/// are asked for. Nothing is buffered: each block is written as the walk reaches it. A block missing mid-walk
/// raises <see cref="BlockNotFoundException"/> after the earlier blocks were sent; the caller ends the stream.
/// </summary>
internal sealed class TrustlessCarExporter(BlobBlockStore blocks)
{
    /// <summary>Writes the CAR for <paramref name="content"/> (found in the blockstore) to <paramref name="destination"/>.</summary>
    /// <param name="range">With <see cref="DagScope.Entity"/> on a file: the resolved <c>entity-bytes</c>, or null for the whole entity.</param>
    public async Task WriteAsync(
        Stream destination, IpfsContent content, DagScope scope, EntityByteRange? range, bool duplicates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var car = await CarWriter.CreateAsync(destination, [content.Path.Root], cancellationToken);
        foreach (var block in content.PathBlocks)
        {
            await car.WriteBlockAsync(block.Cid, block.Data, cancellationToken);
        }

        var (walkScope, offset, length) = range switch
        {
            { Kind: EntityByteRangeKind.Range } r => (DagScope.Entity, r.Offset, (ulong?)r.Length),
            { Kind: EntityByteRangeKind.Empty } => (DagScope.Block, 0UL, (ulong?)null),
            _ => (scope, 0UL, (ulong?)null),
        };
        var walker = new DagWalker(new KnownBlockGetter(blocks, content.Terminal, content.Block));
        await foreach (var block in walker.WalkAsync(content.Terminal, walkScope, offset, length, duplicates, cancellationToken))
        {
            await car.WriteBlockAsync(block.Cid, block.Data, cancellationToken);
        }
    }
}
