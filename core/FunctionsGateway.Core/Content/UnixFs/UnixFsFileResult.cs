using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// What <see cref="UnixFsFileBuilder.Complete"/> returns: the root CID, the file's length, the cumulative DAG size
/// Kubo reports as <c>Size</c> in the <c>/api/v0/add</c> response (root block + Σ link Tsizes; for a raw root, its
/// length), and how many blocks went to the sink.
/// </summary>
internal sealed record UnixFsFileResult(Cid Root, ulong FileSize, ulong DagSize, long BlockCount);
