using System.Globalization;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// A Solidity ABI type (https://docs.soliditylang.org/en/latest/abi-spec.html#types), parsed from its
/// canonical or human-readable name: <c>uint256</c>, <c>uint</c>, <c>bytes32</c>, <c>string[]</c>,
/// <c>(uint64,uint8)[]</c>, <c>tuple(uint64 time, uint8 kind)[2]</c>. Component names are kept for readers
/// but take no part in the encoding or the canonical name.
/// </summary>
public sealed class AbiType
{
    private AbiType(AbiTypeKind kind, int size = 0, AbiType? element = null, int? length = null,
        IReadOnlyList<AbiType>? components = null, IReadOnlyList<string>? componentNames = null)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Length = length;
        Components = components ?? [];
        ComponentNames = componentNames ?? [];
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.Text => true,
            AbiTypeKind.Array => length is null || element!.IsDynamic,
            AbiTypeKind.Tuple => Components.Any(c => c.IsDynamic),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.Array => length!.Value * element!.HeadSize,
            AbiTypeKind.Tuple => Components.Sum(c => c.HeadSize),
            _ => 32,
        };
        CanonicalName = kind switch
        {
            AbiTypeKind.UnsignedInteger => "uint" + size.ToString(CultureInfo.InvariantCulture),
            AbiTypeKind.SignedInteger => "int" + size.ToString(CultureInfo.InvariantCulture),
            AbiTypeKind.Address => "address",
            AbiTypeKind.Bool => "bool",
            AbiTypeKind.FixedBytes => "bytes" + size.ToString(CultureInfo.InvariantCulture),
            AbiTypeKind.Bytes => "bytes",
            AbiTypeKind.Text => "string",
            AbiTypeKind.Array => element!.CanonicalName + "[" + length?.ToString(CultureInfo.InvariantCulture) + "]",
            _ => "(" + string.Join(",", Components.Select(c => c.CanonicalName)) + ")",
        };
    }

    /// <summary>The kind.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bits of an integer type, or bytes of <c>bytesM</c>; 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element type of an array.</summary>
    public AbiType? Element { get; }

    /// <summary>The length of a fixed-size array; null for <c>T[]</c> and non-arrays.</summary>
    public int? Length { get; }

    /// <summary>The component types of a tuple.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>The component names of a tuple as written (empty strings where none).</summary>
    public IReadOnlyList<string> ComponentNames { get; }

    /// <summary>True for bytes, string, T[], and arrays or tuples holding a dynamic type.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of its enclosing tuple.</summary>
    public int HeadSize { get; }

    /// <summary>The canonical name used in function signatures, e.g. <c>(uint64,uint8)[]</c>.</summary>
    public string CanonicalName { get; }

    public static AbiType UnsignedInteger(int bits) => new(AbiTypeKind.UnsignedInteger, CheckBits(bits));

    public static AbiType SignedInteger(int bits) => new(AbiTypeKind.SignedInteger, CheckBits(bits));

    public static AbiType Address { get; } = new(AbiTypeKind.Address);

    public static AbiType Bool { get; } = new(AbiTypeKind.Bool);

    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes);

    public static AbiType Text { get; } = new(AbiTypeKind.Text);

    public static AbiType FixedBytes(int length) =>
        length is > 0 and <= 32 ? new(AbiTypeKind.FixedBytes, length) : throw new ArgumentOutOfRangeException(nameof(length), "bytesM has 0 < M <= 32.");

    public static AbiType Array(AbiType element, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        return length is < 0 ? throw new ArgumentOutOfRangeException(nameof(length)) : new(AbiTypeKind.Array, element: element, length: length);
    }

    public static AbiType Tuple(params IReadOnlyList<AbiType> components) => new(AbiTypeKind.Tuple, components: components);

    /// <summary>Parses a type name; <see cref="FormatException"/> when it is not one.</summary>
    public static AbiType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var reader = new AbiSignatureReader(name);
        var type = reader.ReadType();
        reader.SkipSpaces();
        reader.ExpectEnd();
        return type;
    }

    internal static AbiType TupleOf(IReadOnlyList<AbiType> components, IReadOnlyList<string> names) =>
        new(AbiTypeKind.Tuple, components: components, componentNames: names);

    internal static AbiType Elementary(string name) => name switch
    {
        "address" => Address,
        "bool" => Bool,
        "string" => Text,
        "bytes" => Bytes,
        "uint" => UnsignedInteger(256),
        "int" => SignedInteger(256),
        _ when name.StartsWith("uint", StringComparison.Ordinal) => UnsignedInteger(ParseSize(name, 4)),
        _ when name.StartsWith("int", StringComparison.Ordinal) => SignedInteger(ParseSize(name, 3)),
        _ when name.StartsWith("bytes", StringComparison.Ordinal) => ParseSize(name, 5) is var length and > 0 and <= 32
            ? FixedBytes(length)
            : throw new FormatException($"bytesM has 0 < M <= 32, not '{name}'."),
        _ => throw new FormatException($"'{name}' is not an ABI type."),
    };

    private static int ParseSize(string name, int prefix) =>
        int.TryParse(name.AsSpan(prefix), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && name[prefix] != '0'
            ? size
            : throw new FormatException($"'{name}' is not an ABI type.");

    private static int CheckBits(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0 ? bits : throw new FormatException($"Integer types have 8 to 256 bits in steps of 8, not {bits}.");

    /// <inheritdoc />
    public override string ToString() => CanonicalName;
}
