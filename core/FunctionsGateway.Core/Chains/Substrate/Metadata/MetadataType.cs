namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// One entry of the metadata's type registry (scale-info <c>PortableType</c>). Which members are set
/// depends on <see cref="Kind"/>: fields for composites, variants for enums, the element type for
/// sequences, arrays and compacts, the element types for tuples, the primitive for primitives.
/// </summary>
public sealed record MetadataType(
    uint Id,
    IReadOnlyList<string> Path,
    MetadataTypeKind Kind,
    IReadOnlyList<MetadataField> Fields,
    IReadOnlyList<MetadataVariant> Variants,
    uint ElementTypeId,
    uint ArrayLength,
    IReadOnlyList<uint> TupleTypeIds,
    MetadataPrimitive Primitive,
    uint BitOrderTypeId)
{
    /// <summary>The Rust path joined with <c>::</c>, e.g. <c>pallet_storage_handler::types::TerritoryInfo</c>.</summary>
    public string PathName => string.Join("::", Path);
}
