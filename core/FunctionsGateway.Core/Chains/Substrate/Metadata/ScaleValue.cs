using System.Numerics;

namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// A SCALE value decoded with the metadata's type information (<see cref="MetadataValueDecoder"/>): a
/// tree of composites, enum variants, sequences and primitives, navigable by field name. Used where the
/// shape is only known at run time, such as <c>System.Events</c> and dispatch errors.
/// </summary>
public sealed class ScaleValue
{
    private ScaleValue(ScaleValueKind kind) => Kind = kind;

    public ScaleValueKind Kind { get; }

    /// <summary>Named or positional (null name) fields of a composite or variant.</summary>
    public IReadOnlyList<(string? Name, ScaleValue Value)> Fields { get; private init; } = [];

    public IReadOnlyList<ScaleValue> Items { get; private init; } = [];

    public string? VariantName { get; private init; }

    public byte VariantIndex { get; private init; }

    public ReadOnlyMemory<byte> Bytes { get; private init; }

    public BigInteger Number { get; private init; }

    public bool Boolean { get; private init; }

    public string? Text { get; private init; }

    public static ScaleValue Composite(IReadOnlyList<(string?, ScaleValue)> fields) => new(ScaleValueKind.Composite) { Fields = fields };

    public static ScaleValue Variant(string name, byte index, IReadOnlyList<(string?, ScaleValue)> fields) =>
        new(ScaleValueKind.Variant) { VariantName = name, VariantIndex = index, Fields = fields };

    public static ScaleValue Sequence(IReadOnlyList<ScaleValue> items) => new(ScaleValueKind.Sequence) { Items = items };

    public static ScaleValue FromBytes(ReadOnlyMemory<byte> bytes) => new(ScaleValueKind.Bytes) { Bytes = bytes };

    public static ScaleValue FromInteger(BigInteger value) => new(ScaleValueKind.Number) { Number = value };

    public static ScaleValue FromBool(bool value) => new(ScaleValueKind.Bool) { Boolean = value };

    public static ScaleValue FromString(string value) => new(ScaleValueKind.Text) { Text = value };

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public ScaleValue? Field(string name)
    {
        foreach (var (fieldName, value) in Fields)
        {
            if (fieldName == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The field at <paramref name="position"/> (for tuple-like variants such as <c>Module(ModuleError)</c>).</summary>
    public ScaleValue FieldAt(int position) => Fields[position].Value;

    /// <summary>Strips single-field wrappers (newtypes such as <c>AccountId32([u8; 32])</c>) down to the inner value.</summary>
    public ScaleValue Unwrap()
    {
        var value = this;
        while (value.Kind == ScaleValueKind.Composite && value.Fields.Count == 1)
        {
            value = value.Fields[0].Value;
        }

        return value;
    }

    public override string ToString() => Kind switch
    {
        ScaleValueKind.Variant => Fields.Count == 0 ? VariantName! : $"{VariantName}({string.Join(", ", Fields.Select(Describe))})",
        ScaleValueKind.Composite => $"{{{string.Join(", ", Fields.Select(Describe))}}}",
        ScaleValueKind.Sequence => $"[{string.Join(", ", Items)}]",
        ScaleValueKind.Bytes => HexString.Encode(Bytes.Span),
        ScaleValueKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ScaleValueKind.Bool => Boolean ? "true" : "false",
        _ => Text ?? string.Empty,
    };

    private static string Describe((string? Name, ScaleValue Value) field) =>
        field.Name is null ? field.Value.ToString() : $"{field.Name}: {field.Value}";
}
