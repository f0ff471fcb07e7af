using System.Runtime.CompilerServices;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Streams bytes of a UnixFS file from a block getter (https://specs.ipfs.tech/unixfs/, "dag-pb File"): for a range
/// it descends through <c>blocksizes</c> and loads only the blocks that overlap it, as HTTP <c>Range</c> and the
/// trustless gateway's <c>entity-bytes</c> need (spec/standards.md §5.3). Blocks are verified against their CIDs.
/// </summary>
internal sealed class UnixFsFileReader
{
    private const int MaxDepth = 64;

    private readonly BlockLoader _blocks;

    /// <summary>A reader over <paramref name="blocks"/>.</summary>
    public UnixFsFileReader(IBlockGetter blocks, bool verifyBlocks = true) => _blocks = new BlockLoader(blocks, verifyBlocks);

    /// <summary>The length of the file <paramref name="root"/> names (one block read).</summary>
    public async ValueTask<ulong> GetFileSizeAsync(Cid root, CancellationToken cancellationToken = default)
    {
        var block = await _blocks.LoadAsync(root, cancellationToken);
        return UnixFsFileNode.Parse(root, block).Size;
    }

    /// <summary>
    /// The bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) of the file, clamped
    /// to its end, as slices of its blocks in order. A null length reads to the end.
    /// </summary>
    /// <exception cref="BlockNotFoundException">A needed block is missing.</exception>
    /// <exception cref="InvalidDataException">A block is corrupt or the DAG is not a well-formed UnixFS file.</exception>
    public IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(Cid root, ulong offset = 0, ulong? length = null, CancellationToken cancellationToken = default)
    {
        var to = length is { } l ? (ulong.MaxValue - offset < l ? ulong.MaxValue : offset + l) : ulong.MaxValue;
        return ReadNodeAsync(root, 0, null, offset, to, 0, cancellationToken);
    }

    /// <summary>Copies the range to <paramref name="destination"/>; returns the bytes copied.</summary>
    public async ValueTask<ulong> CopyToAsync(Cid root, Stream destination, ulong offset = 0, ulong? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ulong copied = 0;
        await foreach (var slice in ReadAsync(root, offset, length, cancellationToken))
        {
            await destination.WriteAsync(slice, cancellationToken);
            copied += (ulong)slice.Length;
        }

        return copied;
    }

    private async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadNodeAsync(
        Cid cid, ulong nodeStart, ulong? expectedSize, ulong from, ulong to, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"UnixFS file deeper than {MaxDepth} levels at {cid}.");
        }

        var node = UnixFsFileNode.Parse(cid, await _blocks.LoadAsync(cid, cancellationToken));
        if (expectedSize is { } expected && expected != node.Size)
        {
            throw new InvalidDataException($"UnixFS file node {cid} holds {node.Size} bytes but its parent lists {expected}.");
        }

        var dataEnd = nodeStart + (ulong)node.Data.Length;
        if (from < dataEnd && to > nodeStart)
        {
            var sliceStart = from > nodeStart ? from - nodeStart : 0;
            var sliceEnd = Math.Min(to, dataEnd) - nodeStart;
            yield return node.Data[(int)sliceStart..(int)sliceEnd];
        }

        foreach (var (index, start) in node.ChildrenOverlapping(nodeStart, from, to))
        {
            await foreach (var slice in ReadNodeAsync(node.Links[index].Hash, start, node.BlockSizes[index], from, to, depth + 1, cancellationToken))
            {
                yield return slice;
            }
        }
    }
}
