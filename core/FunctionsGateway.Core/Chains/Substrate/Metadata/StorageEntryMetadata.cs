namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// A storage item: its name, whether absent entries read as the default (<c>ValueQuery</c>), the key
/// hashers (empty for a plain value), the key type (a tuple for n-maps), the value type and the default value.
/// </summary>
public sealed record StorageEntryMetadata(
    string Name,
    bool IsDefaultQuery,
    IReadOnlyList<StorageHasher> Hashers,
    uint? KeyTypeId,
    uint ValueTypeId,
    ReadOnlyMemory<byte> DefaultValue);
