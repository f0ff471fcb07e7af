namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// FileBank <c>DealInfo</c> (storage <c>DealMap</c>, spec/cess.md §1.5): a declared upload waiting for
/// its 12 miners; <see cref="CompletedMiners"/> lists the fragment indices already reported and by whom.
/// </summary>
public sealed record DealInfo(
    UInt128 FileSize,
    IReadOnlyList<DealSegment> Segments,
    UserBrief User,
    IReadOnlyList<(byte Index, string Miner)> CompletedMiners);
