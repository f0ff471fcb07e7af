namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// StorageHandler <c>TerritoryInfo</c> (spec/cess.md §1.4): spaces in bytes, <see cref="Start"/> and
/// <see cref="Deadline"/> as block numbers (6 s blocks, 14,400 a day).
/// </summary>
public sealed record TerritoryInfo(
    ReadOnlyMemory<byte> Token,
    UInt128 TotalSpace,
    UInt128 UsedSpace,
    UInt128 LockedSpace,
    UInt128 RemainingSpace,
    uint Start,
    uint Deadline,
    TerritoryState State);
