using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>What a block is to UnixFS (https://specs.ipfs.tech/unixfs/): the kinds a gateway serves differently.</summary>
internal enum UnixFsNodeKind
{
    /// <summary>A file: a raw block, or dag-pb with UnixFS Type File or Raw.</summary>
    File,

    /// <summary>A basic directory: one dag-pb node whose links are the named entries.</summary>
    Directory,

    /// <summary>A HAMT-sharded directory: its entries are spread over shard nodes.</summary>
    HamtDirectory,

    /// <summary>A symbolic link.</summary>
    Symlink,

    /// <summary>Not UnixFS: another codec (dag-cbor, json, …), or dag-pb without UnixFS data.</summary>
    Other,
}

/// <summary>Reads a block's <see cref="UnixFsNodeKind"/>.</summary>
internal static class UnixFsNodeKinds
{
    /// <summary>The kind of <paramref name="block"/>, named by <paramref name="cid"/>.</summary>
    /// <exception cref="InvalidDataException">The block claims dag-pb but is malformed.</exception>
    public static UnixFsNodeKind Of(Cid cid, ReadOnlyMemory<byte> block)
    {
        if (cid.Codec == Multicodec.Raw)
        {
            return UnixFsNodeKind.File;
        }

        if (cid.Codec != Multicodec.DagPb || DagPbCodec.Decode(block).Data is not { } data)
        {
            return UnixFsNodeKind.Other;
        }

        return UnixFsDataCodec.Decode(data).Type switch
        {
            UnixFsDataType.File or UnixFsDataType.Raw => UnixFsNodeKind.File,
            UnixFsDataType.Directory => UnixFsNodeKind.Directory,
            UnixFsDataType.HamtShard => UnixFsNodeKind.HamtDirectory,
            UnixFsDataType.Symlink => UnixFsNodeKind.Symlink,
            _ => UnixFsNodeKind.Other,
        };
    }

    /// <summary>
    /// The length of the bucket prefix in a HAMT shard's link names: log2(fanout)/4 hex digits (2 for the usual 256).
    /// A link named by the prefix alone is a sub-shard; a longer name is an entry, prefix then entry name.
    /// </summary>
    public static int HamtPrefixLength(UnixFsData shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var fanout = shard.Fanout ?? 256;
        if (fanout < 2 || !System.Numerics.BitOperations.IsPow2(fanout))
        {
            throw new InvalidDataException($"HAMT fanout {fanout} is not a power of two.");
        }

        return (System.Numerics.BitOperations.Log2(fanout) + 3) / 4;
    }
}
