using System.Runtime.CompilerServices;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.DagCbor;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Content.Dag;

/// <summary>
/// Yields the blocks of a DAG in the order a trustless-gateway CAR carries them (https://specs.ipfs.tech/http-gateways/trustless-gateway/;
/// spec/standards.md §5.3): depth-first, pre-order, links in the order the block lists them (<c>car-order=dfs</c>),
/// each block once unless duplicates are asked for (<c>car-dups</c>). <see cref="DagScope.Entity"/> of a UnixFS file
/// takes all its blocks, or with <c>entity-bytes</c> only those a reader of that range needs (the nodes on the way
/// and the overlapping leaves); of a directory, its node; of a HAMT, its shard nodes; of anything else, its block.
/// Identity CIDs are followed but never emitted: their content is in the CID. dag-pb, raw and dag-cbor links are
/// understood; <see cref="DagScope.All"/> over another codec raises <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class DagWalker
{
    private readonly BlockLoader _blocks;

    /// <summary>A walker over <paramref name="blocks"/>, verifying each block against its CID unless told not to.</summary>
    public DagWalker(IBlockGetter blocks, bool verifyBlocks = true) => _blocks = new BlockLoader(blocks, verifyBlocks);

    private enum Mode
    {
        All,
        Entity,
        FileEntity,
        HamtEntity,
        Block,
    }

    /// <summary>Walks the DAG under <paramref name="root"/>.</summary>
    /// <param name="root">The (path-resolved) root.</param>
    /// <param name="scope">Which blocks to take.</param>
    /// <param name="entityOffset">With <see cref="DagScope.Entity"/> on a file: the first byte of the range (default 0).</param>
    /// <param name="entityLength">With <see cref="DagScope.Entity"/> on a file: the range length, null for the rest of the file.</param>
    /// <param name="duplicates">Emit a block every time it is reached (<c>car-dups=y</c>) rather than once.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <exception cref="BlockNotFoundException">A block is missing (the root: 404; later: end the stream).</exception>
    public async IAsyncEnumerable<ContentBlock> WalkAsync(
        Cid root,
        DagScope scope,
        ulong entityOffset = 0,
        ulong? entityLength = null,
        bool duplicates = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ranged = scope == DagScope.Entity && (entityOffset > 0 || entityLength.HasValue);
        var to = entityLength is { } l ? (ulong.MaxValue - entityOffset < l ? ulong.MaxValue : entityOffset + l) : ulong.MaxValue;
        var seen = duplicates ? null : new HashSet<Cid>();
        var stack = new Stack<Step>();
        stack.Push(new Step(root, scope switch
        {
            DagScope.All => Mode.All,
            DagScope.Entity => Mode.Entity,
            DagScope.Block => Mode.Block,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown dag-scope."),
        }, 0));

        while (stack.TryPop(out var step))
        {
            var cid = step.Cid;
            var firstVisit = seen?.Add(cid) ?? true;

            // A block met again under dag-scope=all was emitted with its whole subtree the first time.
            if (!firstVisit && step.Mode == Mode.All)
            {
                continue;
            }

            var block = await _blocks.LoadAsync(cid, cancellationToken);
            var mode = step.Mode == Mode.Entity ? EntityMode(cid, block) : step.Mode;
            var children = Children(cid, block, mode, step.Start, ranged ? entityOffset : 0, ranged ? to : ulong.MaxValue, ranged);
            if (firstVisit && !cid.IsIdentity)
            {
                yield return new ContentBlock(cid, block);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    private static Mode EntityMode(Cid cid, ReadOnlyMemory<byte> block) => UnixFsNodeKinds.Of(cid, block) switch
    {
        UnixFsNodeKind.File => Mode.FileEntity,
        UnixFsNodeKind.HamtDirectory => Mode.HamtEntity,
        _ => Mode.Block,
    };

    private static List<Step> Children(Cid cid, ReadOnlyMemory<byte> block, Mode mode, ulong nodeStart, ulong from, ulong to, bool ranged)
    {
        var children = new List<Step>();
        switch (mode)
        {
            case Mode.All when cid.Codec == Multicodec.DagPb:
                foreach (var link in DagPbCodec.Decode(block).Links)
                {
                    children.Add(new Step(link.Hash, Mode.All, 0));
                }

                break;
            case Mode.All when cid.Codec == Multicodec.DagCbor:
                foreach (var link in DagCborLinks.Read(block.Span))
                {
                    children.Add(new Step(link, Mode.All, 0));
                }

                break;
            case Mode.All when cid.Codec != Multicodec.Raw:
                throw new NotSupportedException(
                    $"Cannot follow the links of block {cid}: codec {Multicodec.Describe(cid.Codec)} is not supported (dag-pb, raw and dag-cbor are).");
            case Mode.FileEntity when cid.Codec == Multicodec.DagPb:
                var file = UnixFsFileNode.Parse(cid, block);
                if (ranged)
                {
                    foreach (var (index, start) in file.ChildrenOverlapping(nodeStart, from, to))
                    {
                        children.Add(new Step(file.Links[index].Hash, Mode.FileEntity, start));
                    }
                }
                else
                {
                    foreach (var link in file.Links)
                    {
                        children.Add(new Step(link.Hash, Mode.FileEntity, 0));
                    }
                }

                break;
            case Mode.HamtEntity:
                AddShardChildren(DagPbCodec.Decode(block), children);
                break;
        }

        return children;
    }

    // A HAMT link named by the bucket prefix alone (log2(fanout)/4 hex digits) is a sub-shard; longer names are entries.
    private static void AddShardChildren(DagPbNode node, List<Step> children)
    {
        var prefixLength = UnixFsNodeKinds.HamtPrefixLength(UnixFsDataCodec.Decode(node.Data!.Value));
        foreach (var link in node.Links)
        {
            if (link.Name is { } name && name.Length == prefixLength)
            {
                children.Add(new Step(link.Hash, Mode.HamtEntity, 0));
            }
        }
    }

    private readonly record struct Step(Cid Cid, Mode Mode, ulong Start);
}
