using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// The <c>local</c> backend's blockstore: one blob per block in the <c>blocks</c> container, named by
/// <see cref="BlockKey"/>. Writing a block twice writes the same bytes; blocks are never shared-state mutated.
/// </summary>
internal sealed class BlobBlockStore(IBlobStorage blobs, StorageBootstrap bootstrap, StorageNames names) : IBlockGetter
{
    /// <summary>The largest block read back (Kubo's 2 MiB bitswap limit plus room for a parent node).</summary>
    public const int MaxBlockBytes = 4 * 1024 * 1024;

    public async ValueTask<ReadOnlyMemory<byte>?> GetBlockAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        if (cid.IsIdentity)
        {
            return cid.Digest.ToArray();
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await using var download = await blobs.DownloadAsync(names.BlocksContainer, BlockKey.For(cid), range: null, cancellationToken);
        if (download is null)
        {
            return null;
        }

        if (download.Properties.ContentLength > MaxBlockBytes)
        {
            throw new InvalidDataException($"Block {cid} is {download.Properties.ContentLength} bytes, more than a block may be.");
        }

        var buffer = new byte[download.Properties.ContentLength];
        await download.Content.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    /// <summary>True when the block is stored (identity blocks always are).</summary>
    public async Task<bool> HasAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        if (cid.IsIdentity)
        {
            return true;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        return await blobs.GetPropertiesAsync(names.BlocksContainer, BlockKey.For(cid), cancellationToken) is not null;
    }

    /// <summary>Stores one block (identity blocks need no storage).</summary>
    public async Task PutAsync(Cid cid, ReadOnlyMemory<byte> block, CancellationToken cancellationToken = default)
    {
        if (cid.IsIdentity)
        {
            return;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await blobs.UploadAsync(names.BlocksContainer, BlockKey.For(cid), block, new BlobHttpHeaders("application/vnd.ipld.raw"), cancellationToken);
    }

    /// <summary>Stores blocks with at most <paramref name="parallelism"/> writes at once.</summary>
    public Task PutManyAsync(IReadOnlyList<ContentBlock> blocks, int parallelism, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (block, ct) => await PutAsync(block.Cid, block.Data, ct));
}
