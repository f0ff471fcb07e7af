namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>scale-info <c>TypeDefPrimitive</c> with its variant indices.</summary>
public enum MetadataPrimitive
{
    Bool = 0,
    Character = 1,
    Str = 2,
    U8 = 3,
    U16 = 4,
    U32 = 5,
    U64 = 6,
    U128 = 7,
    U256 = 8,
    I8 = 9,
    I16 = 10,
    I32 = 11,
    I64 = 12,
    I128 = 13,
    I256 = 14,
}
