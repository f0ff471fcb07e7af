namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// The parts of a runtime's metadata (V14 or V15; paritytech/frame-metadata <c>v14.rs</c>, <c>v15.rs</c>)
/// that a client needs: the type registry, pallets with their indices, storage entries, call, event and
/// error enums, and the extrinsic's version and transaction extensions. Built by
/// <see cref="RuntimeMetadataParser"/>; immutable.
/// </summary>
public sealed class RuntimeMetadata
{
    private readonly IReadOnlyDictionary<uint, MetadataType> _types;
    private readonly Dictionary<string, PalletMetadata> _palletsByName;
    private readonly Dictionary<byte, PalletMetadata> _palletsByIndex;

    public RuntimeMetadata(
        int version,
        IReadOnlyDictionary<uint, MetadataType> types,
        IReadOnlyList<PalletMetadata> pallets,
        int extrinsicVersion,
        IReadOnlyList<SignedExtensionMetadata> signedExtensions,
        uint? eventEnumTypeId)
    {
        ArgumentNullException.ThrowIfNull(pallets);
        Version = version;
        _types = types;
        Pallets = pallets;
        ExtrinsicVersion = extrinsicVersion;
        SignedExtensions = signedExtensions;
        EventEnumTypeId = eventEnumTypeId;
        _palletsByName = pallets.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _palletsByIndex = pallets.ToDictionary(p => p.Index);
    }

    /// <summary>14 or 15.</summary>
    public int Version { get; }

    public IReadOnlyList<PalletMetadata> Pallets { get; }

    /// <summary>The extrinsic format version (4 for the signed extrinsics built here).</summary>
    public int ExtrinsicVersion { get; }

    /// <summary>The transaction extensions in the order their data is encoded.</summary>
    public IReadOnlyList<SignedExtensionMetadata> SignedExtensions { get; }

    /// <summary>The outer <c>RuntimeEvent</c> enum (V15 names it; for V14 it is found through <c>System.Events</c>).</summary>
    public uint? EventEnumTypeId { get; }

    public MetadataType GetType(uint id) =>
        _types.TryGetValue(id, out var type) ? type : throw new KeyNotFoundException($"Type {id} is not in the metadata's registry.");

    public PalletMetadata? FindPallet(string name) => _palletsByName.GetValueOrDefault(name);

    public PalletMetadata? FindPallet(byte index) => _palletsByIndex.GetValueOrDefault(index);

    /// <summary>The variant of a pallet's call enum named <paramref name="call"/>, or null.</summary>
    public MetadataVariant? FindCall(string pallet, string call) =>
        FindPallet(pallet) is { CallTypeId: { } id } ? FindVariant(id, call) : null;

    /// <summary>A pallet's storage item, or null.</summary>
    public StorageEntryMetadata? FindStorage(string pallet, string item) =>
        FindPallet(pallet)?.Storage.FirstOrDefault(e => e.Name == item);

    /// <summary>The variant of the pallet's error enum with <paramref name="errorIndex"/>, or null (a <c>DispatchError::Module</c> names it so).</summary>
    public MetadataVariant? FindError(byte palletIndex, byte errorIndex) =>
        FindPallet(palletIndex) is { ErrorTypeId: { } id } ? GetType(id).Variants.FirstOrDefault(v => v.Index == errorIndex) : null;

    public MetadataVariant? FindVariant(uint enumTypeId, string name) =>
        GetType(enumTypeId).Variants.FirstOrDefault(v => v.Name == name);

    /// <summary>Whether the type (followed through single-field wrappers) is a composite with a field of this name.</summary>
    public bool HasField(uint typeId, string fieldName) =>
        GetType(typeId).Fields.Any(f => f.Name == fieldName);
}
