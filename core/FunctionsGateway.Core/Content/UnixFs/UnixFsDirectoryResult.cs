using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>A built directory: its CID, its block, and the cumulative DAG size (block length + Σ entry Tsizes).</summary>
internal sealed record UnixFsDirectoryResult(Cid Root, ReadOnlyMemory<byte> Block, ulong DagSize);
