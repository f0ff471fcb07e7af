namespace FunctionsGateway.Core.Tests.Content.Support;

/// <summary>One job for <c>tests/peers/unixfs/unixfs-cid.mjs</c>: import the first <see cref="Length"/> bytes of a file.</summary>
internal sealed record ImporterJob(string Path, long Length, int CidVersion, int ChunkSize, int MaxChildrenPerNode, bool RawLeaves);
