using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// One RLP item (yellow paper Appendix B, https://ethereum.github.io/yellowpaper/paper.pdf): either a byte
/// string or a list of items. Integers are byte strings holding the big-endian value with no leading zeros
/// (0 is the empty string); the readers here refuse any other form.
/// </summary>
public sealed class RlpItem
{
    private readonly byte[] _bytes;
    private readonly RlpItem[] _items;

    private RlpItem(byte[] bytes, RlpItem[] items, bool isList)
    {
        _bytes = bytes;
        _items = items;
        IsList = isList;
    }

    /// <summary>The empty byte string (also the integer 0).</summary>
    public static RlpItem Empty { get; } = new([], [], false);

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList { get; }

    /// <summary>The bytes of a string item; empty for a list.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The items of a list; empty for a string.</summary>
    public IReadOnlyList<RlpItem> Items => _items;

    /// <summary>A byte string (copied).</summary>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new(bytes.ToArray(), [], false);

    /// <summary>A list of items.</summary>
    public static RlpItem FromList(params IEnumerable<RlpItem> items) => new([], [.. items], true);

    /// <summary>A non-negative integer, big-endian without leading zeros.</summary>
    public static RlpItem FromInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are non-negative.");
        }

        return value.IsZero ? Empty : new(value.ToByteArray(isUnsigned: true, isBigEndian: true), [], false);
    }

    /// <summary>An address (20 bytes), or the empty string for null (contract creation).</summary>
    public static RlpItem FromAddress(EthereumAddress? address) => address is { } a ? FromBytes(a.Bytes) : Empty;

    /// <summary>The integer this string item holds; <see cref="FormatException"/> for a list or a leading zero.</summary>
    public BigInteger ToInteger()
    {
        RequireString("an integer");
        if (_bytes.Length > 0 && _bytes[0] == 0)
        {
            throw new FormatException("An RLP integer has a leading zero byte.");
        }

        return new BigInteger(_bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>The integer as a <see cref="ulong"/>; <see cref="FormatException"/> when larger.</summary>
    public ulong ToUInt64()
    {
        var value = ToInteger();
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException("The RLP integer does not fit in 64 bits.");
    }

    /// <summary>A 20-byte address, or null for the empty string.</summary>
    public EthereumAddress? ToAddressOrNull()
    {
        RequireString("an address");
        return _bytes.Length switch
        {
            0 => null,
            EthereumAddress.Length => new EthereumAddress(_bytes),
            _ => throw new FormatException("An RLP address is 20 bytes or empty."),
        };
    }

    /// <summary>The items of a list of the given length; <see cref="FormatException"/> otherwise.</summary>
    public IReadOnlyList<RlpItem> RequireList(int count, string what)
    {
        if (!IsList || _items.Length != count)
        {
            throw new FormatException($"{what} is an RLP list of {count} items.");
        }

        return _items;
    }

    private void RequireString(string what)
    {
        if (IsList)
        {
            throw new FormatException($"Expected {what} (an RLP string), found a list.");
        }
    }
}
