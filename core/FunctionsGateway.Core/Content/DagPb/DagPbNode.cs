namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>
/// A dag-pb <c>PBNode</c> (https://ipld.io/specs/codecs/dag-pb/spec/): links and optional opaque data
/// (for UnixFS, an encoded <see cref="UnixFs.UnixFsData"/>). Links keep the order they were given or decoded in.
/// </summary>
internal sealed record DagPbNode(IReadOnlyList<DagPbLink> Links, ReadOnlyMemory<byte>? Data);
