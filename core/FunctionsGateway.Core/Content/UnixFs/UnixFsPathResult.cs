using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>Why a content path did not resolve (<see cref="UnixFsPathResult.Failure"/>).</summary>
internal enum UnixFsPathFailure
{
    /// <summary>It resolved.</summary>
    None,

    /// <summary>A block needed to go on is not in the store (<see cref="UnixFsPathResult.MissingBlock"/>).</summary>
    BlockMissing,

    /// <summary>A directory has no entry by the segment's name.</summary>
    NoSuchLink,

    /// <summary>A segment follows a file or symlink, which have no entries.</summary>
    NotADirectory,

    /// <summary>A segment follows a block whose codec cannot be traversed here (not UnixFS).</summary>
    UnsupportedCodec,
}

/// <summary>
/// What <see cref="UnixFsPathResolver"/> found: the CID the path ends at, the CID of each logical root on the way
/// (the path gateway's <c>X-Ipfs-Roots</c>), and the blocks read to get there (directory nodes and HAMT shards, in
/// order), which a trustless CAR carries before the terminal's own blocks. On failure, the reason and the segment.
/// </summary>
internal sealed record UnixFsPathResult(Cid Terminal, IReadOnlyList<Cid> Roots, IReadOnlyList<ContentBlock> PathBlocks)
{
    /// <summary>None on success.</summary>
    public UnixFsPathFailure Failure { get; init; }

    /// <summary>Why it failed, naming the segment and the CID, for the error body.</summary>
    public string? Message { get; init; }

    /// <summary>The block that was needed and missing (with <see cref="UnixFsPathFailure.BlockMissing"/>).</summary>
    public Cid MissingBlock { get; init; }

    /// <summary>The index of the segment that failed.</summary>
    public int FailedSegment { get; init; }

    /// <summary>True when the path resolved.</summary>
    public bool Succeeded => Failure == UnixFsPathFailure.None;
}
