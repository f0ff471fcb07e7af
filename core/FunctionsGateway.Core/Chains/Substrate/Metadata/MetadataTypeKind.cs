namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>The kinds of scale-info <c>TypeDef</c>, with their variant indices (paritytech/scale-info <c>ty/mod.rs</c>).</summary>
public enum MetadataTypeKind
{
    Composite = 0,
    Variant = 1,
    Sequence = 2,
    Array = 3,
    Tuple = 4,
    Primitive = 5,
    Compact = 6,
    BitSequence = 7,
}
