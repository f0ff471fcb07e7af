namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>FileBank <c>SegmentList</c>: a declared segment's hash and its fragment hashes (12).</summary>
public sealed record DealSegment(string Hash, IReadOnlyList<string> FragmentHashes);
