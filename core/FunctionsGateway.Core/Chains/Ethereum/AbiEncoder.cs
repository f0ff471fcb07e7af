using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// Solidity ABI encoding (https://docs.soliditylang.org/en/latest/abi-spec.html#formal-specification-of-the-encoding).
/// Values: integers as <see cref="BigInteger"/> or any built-in integer type; <see cref="EthereumAddress"/>
/// (or its text) for address; <see cref="bool"/>; <c>byte[]</c> or <see cref="ReadOnlyMemory{T}"/> for bytes
/// and bytesM; <see cref="string"/>; any <see cref="IEnumerable"/> for arrays; an <see cref="IEnumerable"/>
/// or a C# tuple for tuples. Out-of-range values throw <see cref="ArgumentException"/>.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as the tuple of <paramref name="types"/> (a function's arguments or return values).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        using var output = new MemoryStream();
        WriteTuple(types, values, output);
        return output.ToArray();
    }

    /// <summary>Encodes one value of one type.</summary>
    public static byte[] Encode(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>Encodes values given type names, e.g. <c>Encode(["uint256", "string"], [1, "a"])</c>.</summary>
    public static byte[] Encode(IReadOnlyList<string> typeNames, IReadOnlyList<object?> values) =>
        Encode([.. typeNames.Select(AbiType.Parse)], values);

    private static void WriteTuple(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, MemoryStream output)
    {
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"{types.Count} ABI types but {values.Count} values.", nameof(values));
        }

        // Heads first, then the tails of the dynamic members; offsets count from the start of this tuple.
        var headLength = types.Sum(t => t.HeadSize);
        var tails = new MemoryStream();
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                WriteUInt(new BigInteger(headLength + tails.Length), output);
                WriteValue(types[i], values[i], tails);
            }
            else
            {
                WriteValue(types[i], values[i], output);
            }
        }

        tails.Position = 0;
        tails.CopyTo(output);
    }

    private static void WriteValue(AbiType type, object? value, MemoryStream output)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
                var unsigned = ToInteger(value, type);
                if (unsigned.Sign < 0 || unsigned.GetBitLength() > type.Size)
                {
                    throw new ArgumentException($"{unsigned} does not fit {type}.", nameof(value));
                }

                WriteUInt(unsigned, output);
                break;
            case AbiTypeKind.SignedInteger:
                var signed = ToInteger(value, type);
                var limit = BigInteger.One << (type.Size - 1);
                if (signed < -limit || signed >= limit)
                {
                    throw new ArgumentException($"{signed} does not fit {type}.", nameof(value));
                }

                WriteUInt(signed.Sign >= 0 ? signed : (BigInteger.One << 256) + signed, output);
                break;
            case AbiTypeKind.Address:
                var address = value switch
                {
                    EthereumAddress a => a,
                    string text => EthereumAddress.Parse(text),
                    _ => throw Mismatch(type, value),
                };
                output.Write(new byte[12]);
                output.Write(address.Bytes);
                break;
            case AbiTypeKind.Bool:
                WriteUInt(value is bool b ? (b ? BigInteger.One : BigInteger.Zero) : throw Mismatch(type, value), output);
                break;
            case AbiTypeKind.FixedBytes:
                var fixedBytes = ToBytes(value, type);
                if (fixedBytes.Length != type.Size)
                {
                    throw new ArgumentException($"{type} takes exactly {type.Size} bytes, not {fixedBytes.Length}.", nameof(value));
                }

                WritePadded(fixedBytes, output);
                break;
            case AbiTypeKind.Bytes:
                var bytes = ToBytes(value, type);
                WriteUInt(bytes.Length, output);
                WritePadded(bytes, output);
                break;
            case AbiTypeKind.Text:
                var utf8 = Encoding.UTF8.GetBytes(value as string ?? throw Mismatch(type, value));
                WriteUInt(utf8.Length, output);
                WritePadded(utf8, output);
                break;
            case AbiTypeKind.Array:
                var items = ToList(value, type);
                if (type.Length is { } length && items.Count != length)
                {
                    throw new ArgumentException($"{type} takes {length} items, not {items.Count}.", nameof(value));
                }

                if (type.Length is null)
                {
                    WriteUInt(items.Count, output);
                }

                WriteTuple([.. Enumerable.Repeat(type.Element!, items.Count)], items, output);
                break;
            default:
                WriteTuple(type.Components, ToList(value, type), output);
                break;
        }
    }

    private static void WriteUInt(BigInteger value, MemoryStream output)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        value.TryWriteBytes(word[(32 - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        output.Write(word);
    }

    private static void WritePadded(ReadOnlySpan<byte> bytes, MemoryStream output)
    {
        output.Write(bytes);
        var padding = (32 - (bytes.Length % 32)) % 32;
        output.Write(new byte[padding]);
    }

    private static BigInteger ToInteger(object? value, AbiType type) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte by => by,
        sbyte sb => sb,
        _ => throw Mismatch(type, value),
    };

    private static byte[] ToBytes(object? value, AbiType type) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        Memory<byte> memory => memory.ToArray(),
        _ => throw Mismatch(type, value),
    };

    private static List<object?> ToList(object? value, AbiType type) => value switch
    {
        ITuple tuple => [.. Enumerable.Range(0, tuple.Length).Select(i => tuple[i])],
        IEnumerable items and not string and not byte[] => [.. items.Cast<object?>()],
        _ => throw Mismatch(type, value),
    };

    private static ArgumentException Mismatch(AbiType type, object? value) =>
        new($"A {value?.GetType().Name ?? "null"} cannot be encoded as {type}.", nameof(value));
}
