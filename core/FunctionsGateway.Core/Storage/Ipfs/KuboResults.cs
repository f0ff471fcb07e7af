using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>What <c>add</c> answered for the file: its name, root CID and cumulative DAG size (Kubo's <c>Size</c>).</summary>
internal sealed record KuboAddResult(string Name, Cid Cid, long Size);

/// <summary>A block's CID and length (<c>block/put</c>, <c>block/stat</c>).</summary>
internal sealed record KuboBlockStat(Cid Cid, long Size);

/// <summary>A pinned CID and how it is pinned (<c>pin/ls</c>).</summary>
internal sealed record KuboPin(Cid Cid, KuboPinType Type);

/// <summary>
/// <c>files/stat</c> of a path: the root, the file's length (<see cref="Size"/>), the DAG's cumulative size, the
/// root's link count and the UnixFS type (<c>file</c>, <c>directory</c>).
/// </summary>
internal sealed record KuboFileStat(Cid Cid, long Size, long CumulativeSize, long Blocks, string Type);

/// <summary>A root <c>dag/import</c> reported (when it pinned roots) and why pinning it failed, if it did.</summary>
internal sealed record KuboImportedRoot(Cid Cid, string? PinError);

/// <summary>The node's identity (<c>id</c>): peer id and agent, e.g. <c>kubo/0.39.0/…</c> or <c>js-ipfs/0.18.1</c>.</summary>
internal sealed record KuboNodeIdentity(string Id, string AgentVersion, string? ProtocolVersion, IReadOnlyList<string> Addresses);

/// <summary>The node's <c>version</c> answer.</summary>
internal sealed record KuboNodeVersion(string Version, string? Commit, string? Repo, string? System);

/// <summary>Pin types of <c>pin/ls</c>.</summary>
internal enum KuboPinType
{
    /// <summary>Every kind (the node's default).</summary>
    All,

    /// <summary>The DAG below the CID is pinned.</summary>
    Recursive,

    /// <summary>Only the block itself is pinned.</summary>
    Direct,

    /// <summary>Pinned because a recursive pin reaches it.</summary>
    Indirect,
}

/// <summary>What <c>pin/rm</c> did: an expected "not pinned" is a result, not an error.</summary>
internal enum KuboPinRemoveResult
{
    /// <summary>The pin was removed.</summary>
    Removed,

    /// <summary>The CID was not pinned (directly or recursively); nothing changed.</summary>
    NotPinned,
}
