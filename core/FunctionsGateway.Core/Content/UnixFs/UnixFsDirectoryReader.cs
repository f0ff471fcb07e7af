using System.Runtime.CompilerServices;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Lists and looks up the entries of a UnixFS directory (https://specs.ipfs.tech/unixfs/, "dag-pb Directory" and
/// "dag-pb HAMTDirectory"): a basic directory's links are its entries; a HAMT's entries are spread over shard
/// nodes, each entry link named by its bucket prefix followed by the entry name.
/// </summary>
/// <remarks>
/// A HAMT lookup walks the shards depth-first until it finds the name rather than hashing the name (murmur3) to
/// its bucket: every answer is the same, and only very large directories pay for the extra shard reads.
/// </remarks>
internal sealed class UnixFsDirectoryReader
{
    private const int MaxShardDepth = 64;

    private readonly BlockLoader _blocks;

    /// <summary>A reader over <paramref name="blocks"/>, verifying every shard against its CID unless told not to.</summary>
    public UnixFsDirectoryReader(IBlockGetter blocks, bool verifyBlocks = true) => _blocks = new BlockLoader(blocks, verifyBlocks);

    /// <summary>The entries of the directory <paramref name="block"/>, named by their entry names, in link order.</summary>
    /// <exception cref="InvalidDataException">The block is not a UnixFS directory, or a shard is malformed.</exception>
    /// <exception cref="BlockNotFoundException">A HAMT shard is missing.</exception>
    public async IAsyncEnumerable<DagPbLink> ListAsync(Cid directory, ReadOnlyMemory<byte> block, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (node, data) = Decode(directory, block);
        if (data.Type == UnixFsDataType.Directory)
        {
            foreach (var link in node.Links)
            {
                yield return link;
            }

            yield break;
        }

        await foreach (var entry in ListShardAsync(node, data, 0, cancellationToken))
        {
            yield return entry;
        }
    }

    // A shard's entries and, where a sub-shard is linked, the sub-shard's entries, in link order.
    private async IAsyncEnumerable<DagPbLink> ListShardAsync(DagPbNode node, UnixFsData data, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = UnixFsNodeKinds.HamtPrefixLength(data);
        foreach (var link in node.Links)
        {
            var name = link.Name ?? "";
            if (name.Length > prefix)
            {
                yield return link with { Name = name[prefix..] };
                continue;
            }

            var (childNode, childData) = DecodeShard(link.Hash, await _blocks.LoadAsync(link.Hash, cancellationToken), depth + 1);
            await foreach (var entry in ListShardAsync(childNode, childData, depth + 1, cancellationToken))
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// The entry called <paramref name="name"/>, or null, with the HAMT shard blocks below the directory's own block
    /// that lead to it (empty for a basic directory): what a trustless client needs to verify the lookup.
    /// </summary>
    /// <exception cref="InvalidDataException">The block is not a UnixFS directory, or a shard is malformed.</exception>
    /// <exception cref="BlockNotFoundException">A HAMT shard is missing.</exception>
    public async Task<(DagPbLink? Entry, IReadOnlyList<ContentBlock> Shards)> FindAsync(
        Cid directory, ReadOnlyMemory<byte> block, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (node, data) = Decode(directory, block);
        if (data.Type == UnixFsDataType.Directory)
        {
            foreach (var link in node.Links)
            {
                if (string.Equals(link.Name, name, StringComparison.Ordinal))
                {
                    return (link, []);
                }
            }

            return (null, []);
        }

        var trail = new List<ContentBlock>();
        var entry = await FindInShardAsync(node, data, name, trail, 0, cancellationToken);
        return (entry, entry is null ? [] : trail);
    }

    // Depth-first through the shards; `trail` holds the sub-shards on the way to the current one.
    private async Task<DagPbLink?> FindInShardAsync(
        DagPbNode node, UnixFsData data, string name, List<ContentBlock> trail, int depth, CancellationToken cancellationToken)
    {
        var prefix = UnixFsNodeKinds.HamtPrefixLength(data);
        foreach (var link in node.Links)
        {
            var linkName = link.Name ?? "";
            if (linkName.Length > prefix && string.Equals(linkName[prefix..], name, StringComparison.Ordinal))
            {
                return link with { Name = name };
            }
        }

        foreach (var link in node.Links)
        {
            if ((link.Name ?? "").Length > prefix)
            {
                continue;
            }

            var child = await _blocks.LoadAsync(link.Hash, cancellationToken);
            var (childNode, childData) = DecodeShard(link.Hash, child, depth + 1);
            trail.Add(new ContentBlock(link.Hash, child));
            if (await FindInShardAsync(childNode, childData, name, trail, depth + 1, cancellationToken) is { } found)
            {
                return found;
            }

            trail.RemoveAt(trail.Count - 1);
        }

        return null;
    }

    private static (DagPbNode, UnixFsData) DecodeShard(Cid cid, ReadOnlyMemory<byte> block, int depth)
    {
        if (depth > MaxShardDepth)
        {
            throw new InvalidDataException($"HAMT deeper than {MaxShardDepth} levels at {cid}.");
        }

        var (node, data) = Decode(cid, block);
        return data.Type == UnixFsDataType.HamtShard
            ? (node, data)
            : throw new InvalidDataException($"Block {cid} is a UnixFS {data.Type} inside a HAMT, not a shard.");
    }

    private static (DagPbNode Node, UnixFsData Data) Decode(Cid cid, ReadOnlyMemory<byte> block)
    {
        if (cid.Codec != Multicodec.DagPb)
        {
            throw new InvalidDataException($"Block {cid} is {Multicodec.Describe(cid.Codec)}, not a UnixFS directory.");
        }

        var node = DagPbCodec.Decode(block);
        var data = node.Data is { } bytes
            ? UnixFsDataCodec.Decode(bytes)
            : throw new InvalidDataException($"Block {cid} is dag-pb without UnixFS data, not a directory.");
        return data.Type is UnixFsDataType.Directory or UnixFsDataType.HamtShard
            ? (node, data)
            : throw new InvalidDataException($"Block {cid} is a UnixFS {data.Type}, not a directory.");
    }
}
