using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>What a content path came to (<see cref="IpfsContent.Kind"/>).</summary>
internal enum IpfsContentKind
{
    /// <summary>A UnixFS file whose blocks are in the blockstore.</summary>
    File,

    /// <summary>A UnixFS directory (basic or HAMT) in the blockstore.</summary>
    Directory,

    /// <summary>
    /// A file readable by its CID whose blocks are not in the blockstore (the push has not stored them yet, or its
    /// backend keeps no blocks here): its bytes come from the file record, its blocks cannot be served.
    /// </summary>
    PendingFile,

    /// <summary>A UnixFS symlink.</summary>
    Symlink,

    /// <summary>A block that is not UnixFS (dag-cbor, dag-json, json, cbor, …).</summary>
    OtherCodec,

    /// <summary>The root, an entry on the path, or the content is not here: 404.</summary>
    NotFound,

    /// <summary>The path cannot be resolved by this gateway (traversal through a non-UnixFS block): 400.</summary>
    Unsupported,
}

/// <summary>
/// The outcome of <see cref="IpfsContentResolver"/>: what the path ends at, the CIDs of its logical roots
/// (<c>X-Ipfs-Roots</c>), the blocks read on the way (a CAR carries them first), the terminal block when it is in the
/// blockstore, a file's size, and for a pending file its record. <see cref="Message"/> says why when not found.
/// </summary>
internal sealed record IpfsContent(IpfsPath Path, IpfsContentKind Kind)
{
    public Cid Terminal { get; init; }

    public IReadOnlyList<Cid> Roots { get; init; } = [];

    public IReadOnlyList<ContentBlock> PathBlocks { get; init; } = [];

    /// <summary>The terminal block (empty for a pending file).</summary>
    public ReadOnlyMemory<byte> Block { get; init; }

    /// <summary>The file's length (files and pending files).</summary>
    public ulong Size { get; init; }

    /// <summary>The file record that holds a pending file's bytes.</summary>
    public FileRecord? File { get; init; }

    /// <summary>For <see cref="IpfsContentKind.NotFound"/>: the block that is not here, when that is the reason (else empty).</summary>
    public Cid MissingBlock { get; init; }

    /// <summary>For <see cref="IpfsContentKind.NotFound"/> and <see cref="IpfsContentKind.Unsupported"/>: why, naming the CID.</summary>
    public string? Message { get; init; }

    /// <summary>True when the content was found (of any kind).</summary>
    public bool Found => Kind is not (IpfsContentKind.NotFound or IpfsContentKind.Unsupported);

    /// <summary>True for a file, in the blockstore or pending.</summary>
    public bool IsFile => Kind is IpfsContentKind.File or IpfsContentKind.PendingFile;
}
