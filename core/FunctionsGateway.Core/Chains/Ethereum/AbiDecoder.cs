using System.Numerics;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// Solidity ABI decoding, the inverse of <see cref="AbiEncoder"/>: integers come back as
/// <see cref="BigInteger"/>, addresses as <see cref="EthereumAddress"/>, bytes as <c>byte[]</c>, arrays and
/// tuples as <c>object?[]</c>. Strict: offsets and lengths must stay inside the data, padding of integers,
/// addresses and booleans must be clean; anything else is a <see cref="FormatException"/>.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes the tuple of <paramref name="types"/> (a function's return values or arguments).</summary>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DecodeTuple(types, data);
    }

    /// <summary>Decodes one value of one type.</summary>
    public static object? Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    private static object?[] DecodeTuple(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var values = new object?[types.Count];
        var head = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, head);
                values[i] = DecodeValue(type, data[offset..]);
            }
            else
            {
                values[i] = DecodeValue(type, Slice(data, head, type.HeadSize));
            }

            head += type.HeadSize;
        }

        return values;
    }

    private static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
                var unsigned = ReadWord(data, 0);
                return unsigned.GetBitLength() <= type.Size ? unsigned : throw new FormatException($"The value does not fit {type}.");
            case AbiTypeKind.SignedInteger:
                var word = Slice(data, 0, 32);
                var signed = new BigInteger(word, isUnsigned: false, isBigEndian: true);
                var limit = BigInteger.One << (type.Size - 1);
                return signed >= -limit && signed < limit ? signed : throw new FormatException($"The value is not a sign-extended {type}.");
            case AbiTypeKind.Address:
                var addressWord = Slice(data, 0, 32);
                return addressWord[..12].ContainsAnyExcept((byte)0)
                    ? throw new FormatException("An address word has non-zero upper bytes.")
                    : new EthereumAddress(addressWord[12..]);
            case AbiTypeKind.Bool:
                var flag = ReadWord(data, 0);
                return flag.IsZero ? false : flag.IsOne ? true : throw new FormatException("A bool word is neither 0 nor 1.");
            case AbiTypeKind.FixedBytes:
                return Slice(data, 0, 32)[..type.Size].ToArray();
            case AbiTypeKind.Bytes:
                return Slice(data, 32, ReadLength(data, 0)).ToArray();
            case AbiTypeKind.Text:
                return Encoding.UTF8.GetString(Slice(data, 32, ReadLength(data, 0)));
            case AbiTypeKind.Array:
                if (type.Length is { } fixedLength)
                {
                    return DecodeTuple([.. Enumerable.Repeat(type.Element!, fixedLength)], data);
                }

                var count = ReadLength(data, 0);
                var items = data[32..];
                if ((long)count * type.Element!.HeadSize > items.Length)
                {
                    throw new FormatException($"An array of {count} items does not fit in the data.");
                }

                return DecodeTuple([.. Enumerable.Repeat(type.Element, count)], items);
            default:
                return DecodeTuple(type.Components, data);
        }
    }

    private static BigInteger ReadWord(ReadOnlySpan<byte> data, int at) =>
        new(Slice(data, at, 32), isUnsigned: true, isBigEndian: true);

    private static int ReadLength(ReadOnlySpan<byte> data, int at)
    {
        var value = ReadWord(data, at);
        return value <= data.Length ? (int)value : throw new FormatException($"An offset or length ({value}) points past the data.");
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, int start, int length) =>
        start >= 0 && length >= 0 && (long)start + length <= data.Length
            ? data.Slice(start, length)
            : throw new FormatException("The ABI data ends early.");
}
