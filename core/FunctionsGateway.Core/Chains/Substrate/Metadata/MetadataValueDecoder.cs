using System.Numerics;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// Decodes a SCALE value of a registry type into a <see cref="ScaleValue"/> tree, following the type
/// definitions (scale-info <c>TypeDef</c>): composites field by field, variants by their index byte,
/// sequences by compact count, compacts as compact integers, bit sequences by bit count and store type.
/// </summary>
public sealed class MetadataValueDecoder
{
    private readonly RuntimeMetadata _metadata;

    public MetadataValueDecoder(RuntimeMetadata metadata) => _metadata = metadata;

    /// <summary>Decodes one value of type <paramref name="typeId"/> and requires that nothing follows it.</summary>
    public ScaleValue DecodeAll(uint typeId, ReadOnlyMemory<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var value = Decode(typeId, reader);
        reader.EnsureAtEnd();
        return value;
    }

    public ScaleValue Decode(uint typeId, ScaleReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var type = _metadata.GetType(typeId);
        switch (type.Kind)
        {
            case MetadataTypeKind.Composite:
                return ScaleValue.Composite(DecodeFields(type.Fields, reader));
            case MetadataTypeKind.Variant:
            {
                var index = reader.ReadU8();
                var variant = type.Variants.FirstOrDefault(v => v.Index == index)
                    ?? throw new FormatException($"Enum {type.PathName} (type {typeId}) has no variant {index}.");
                return ScaleValue.Variant(variant.Name, index, DecodeFields(variant.Fields, reader));
            }

            case MetadataTypeKind.Sequence:
                return DecodeItems(type.ElementTypeId, reader.ReadLength(), reader);
            case MetadataTypeKind.Array:
                return DecodeItems(type.ElementTypeId, checked((int)type.ArrayLength), reader);
            case MetadataTypeKind.Tuple:
                return ScaleValue.Composite(type.TupleTypeIds.Select(id => ((string?)null, Decode(id, reader))).ToList());
            case MetadataTypeKind.Primitive:
                return DecodePrimitive(type.Primitive, reader);
            case MetadataTypeKind.Compact:
                return ScaleValue.FromInteger(reader.ReadCompactBigInteger());
            case MetadataTypeKind.BitSequence:
            {
                var bits = reader.ReadCompact();
                var store = _metadata.GetType(type.ElementTypeId);
                var storeBytes = store.Primitive switch
                {
                    MetadataPrimitive.U8 => 1,
                    MetadataPrimitive.U16 => 2,
                    MetadataPrimitive.U32 => 4,
                    MetadataPrimitive.U64 => 8,
                    _ => throw new FormatException($"Bit sequence store type {store.Primitive} is not supported."),
                };
                var words = (bits + ((ulong)storeBytes * 8) - 1) / ((ulong)storeBytes * 8);
                return ScaleValue.FromBytes(reader.ReadFixedBytes(checked((int)words * storeBytes)));
            }

            default:
                throw new FormatException($"Type {typeId} has unknown kind {type.Kind}.");
        }
    }

    private List<(string?, ScaleValue)> DecodeFields(IReadOnlyList<MetadataField> fields, ScaleReader reader)
    {
        var values = new List<(string?, ScaleValue)>(fields.Count);
        foreach (var field in fields)
        {
            values.Add((field.Name, Decode(field.TypeId, reader)));
        }

        return values;
    }

    private ScaleValue DecodeItems(uint elementTypeId, int count, ScaleReader reader)
    {
        var element = _metadata.GetType(elementTypeId);
        if (element is { Kind: MetadataTypeKind.Primitive, Primitive: MetadataPrimitive.U8 })
        {
            return ScaleValue.FromBytes(reader.ReadFixedBytes(count));
        }

        var items = new List<ScaleValue>(Math.Min(count, reader.Remaining));
        for (var i = 0; i < count; i++)
        {
            items.Add(Decode(elementTypeId, reader));
        }

        return ScaleValue.Sequence(items);
    }

    private static ScaleValue DecodePrimitive(MetadataPrimitive primitive, ScaleReader reader) => primitive switch
    {
        MetadataPrimitive.Bool => ScaleValue.FromBool(reader.ReadBool()),
        MetadataPrimitive.Character => ScaleValue.FromInteger(reader.ReadU32()),
        MetadataPrimitive.Str => ScaleValue.FromString(reader.ReadString()),
        MetadataPrimitive.U8 => ScaleValue.FromInteger(reader.ReadU8()),
        MetadataPrimitive.U16 => ScaleValue.FromInteger(reader.ReadU16()),
        MetadataPrimitive.U32 => ScaleValue.FromInteger(reader.ReadU32()),
        MetadataPrimitive.U64 => ScaleValue.FromInteger(reader.ReadU64()),
        MetadataPrimitive.U128 => ScaleValue.FromInteger(reader.ReadU128()),
        MetadataPrimitive.U256 => ScaleValue.FromInteger(new BigInteger(reader.ReadRaw(32), isUnsigned: true)),
        MetadataPrimitive.I8 => ScaleValue.FromInteger(unchecked((sbyte)reader.ReadU8())),
        MetadataPrimitive.I16 => ScaleValue.FromInteger(unchecked((short)reader.ReadU16())),
        MetadataPrimitive.I32 => ScaleValue.FromInteger(reader.ReadI32()),
        MetadataPrimitive.I64 => ScaleValue.FromInteger(reader.ReadI64()),
        MetadataPrimitive.I128 => ScaleValue.FromInteger(new BigInteger(reader.ReadRaw(16))),
        MetadataPrimitive.I256 => ScaleValue.FromInteger(new BigInteger(reader.ReadRaw(32))),
        _ => throw new FormatException($"Unknown primitive {primitive}."),
    };
}
