namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// A pallet: its name and index, its storage prefix and items, and the type ids of its call, event
/// and error enums (null when the pallet has none).
/// </summary>
public sealed record PalletMetadata(
    string Name,
    byte Index,
    string? StoragePrefix,
    IReadOnlyList<StorageEntryMetadata> Storage,
    uint? CallTypeId,
    uint? EventTypeId,
    uint? ErrorTypeId);
