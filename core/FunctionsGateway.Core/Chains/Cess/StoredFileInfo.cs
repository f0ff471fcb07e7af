namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>FileBank <c>FileInfo</c> (storage <c>File</c>, spec/cess.md §1.5): a completely stored file.</summary>
public sealed record StoredFileInfo(
    IReadOnlyList<SegmentInfo> Segments,
    IReadOnlyList<UserBrief> Owners,
    UInt128 FileSize,
    uint Completion,
    CessFileState State);
