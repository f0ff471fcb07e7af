namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>FileBank <c>SegmentInfo</c>: a stored segment's hash and its fragments.</summary>
public sealed record SegmentInfo(string Hash, IReadOnlyList<FragmentInfo> Fragments);
