using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// One node of a UnixFS file read for its byte layout (https://specs.ipfs.tech/unixfs/, "dag-pb File"): a raw block
/// is all data; a dag-pb File (or legacy Raw) node holds inline <see cref="Data"/> first, then its children, the
/// i-th spanning <c>blocksizes[i]</c> bytes. Parsing enforces the spec's MUSTs: as many blocksizes as links,
/// <c>filesize</c> equal to the sum, and no named links.
/// </summary>
internal sealed class UnixFsFileNode
{
    private UnixFsFileNode(ReadOnlyMemory<byte> data, IReadOnlyList<DagPbLink> links, IReadOnlyList<ulong> blockSizes, ulong size)
    {
        Data = data;
        Links = links;
        BlockSizes = blockSizes;
        Size = size;
    }

    /// <summary>The file bytes held in this block, which come before the children's.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The children, in file order.</summary>
    public IReadOnlyList<DagPbLink> Links { get; }

    /// <summary>The file bytes under each child.</summary>
    public IReadOnlyList<ulong> BlockSizes { get; }

    /// <summary>The file bytes under this node.</summary>
    public ulong Size { get; }

    /// <summary>Reads a block as a file node.</summary>
    /// <exception cref="InvalidDataException">The block is not a UnixFS file node; the message names the CID.</exception>
    public static UnixFsFileNode Parse(Cid cid, ReadOnlyMemory<byte> block)
    {
        if (cid.Codec == Multicodec.Raw)
        {
            return new UnixFsFileNode(block, [], [], (ulong)block.Length);
        }

        if (cid.Codec != Multicodec.DagPb)
        {
            throw new InvalidDataException($"Block {cid} is {Multicodec.Describe(cid.Codec)}, not a UnixFS file.");
        }

        var node = DagPbCodec.Decode(block);
        var data = node.Data is { } bytes
            ? UnixFsDataCodec.Decode(bytes)
            : throw new InvalidDataException($"Block {cid} is dag-pb without UnixFS data, not a UnixFS file.");
        if (data.Type is not (UnixFsDataType.File or UnixFsDataType.Raw))
        {
            throw new InvalidDataException($"Block {cid} is a UnixFS {data.Type}, not a file.");
        }

        if (data.BlockSizes.Count != node.Links.Count)
        {
            throw new InvalidDataException(
                $"UnixFS file node {cid} has {node.Links.Count} links but {data.BlockSizes.Count} blocksizes.");
        }

        var inline = data.Data ?? ReadOnlyMemory<byte>.Empty;
        var size = (ulong)inline.Length;
        for (var i = 0; i < node.Links.Count; i++)
        {
            if (!string.IsNullOrEmpty(node.Links[i].Name))
            {
                throw new InvalidDataException($"UnixFS file node {cid} has a named link \"{node.Links[i].Name}\".");
            }

            size = checked(size + data.BlockSizes[i]);
        }

        if (data.FileSize is { } fileSize && fileSize != size)
        {
            throw new InvalidDataException($"UnixFS file node {cid} declares filesize {fileSize} but holds {size} bytes.");
        }

        return new UnixFsFileNode(inline, node.Links, data.BlockSizes, size);
    }

    /// <summary>
    /// The children whose bytes overlap the file range [<paramref name="from"/>, <paramref name="to"/>), with the file
    /// offset each starts at, given that this node starts at <paramref name="nodeStart"/>.
    /// </summary>
    public IEnumerable<(int Index, ulong Start)> ChildrenOverlapping(ulong nodeStart, ulong from, ulong to)
    {
        var start = nodeStart + (ulong)Data.Length;
        for (var i = 0; i < Links.Count && start < to; i++)
        {
            var end = start + BlockSizes[i];
            if (end > from && end > start)
            {
                yield return (i, start);
            }

            start = end;
        }
    }
}
