using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace FunctionsGateway.Core.Chains.Substrate.Scale;

/// <summary>
/// Reads the SCALE codec (the counterpart of <see cref="ScaleWriter"/>) from a byte buffer. Malformed or
/// truncated input throws <see cref="FormatException"/>; compact integers must use their shortest mode,
/// as parity-scale-codec requires.
/// </summary>
public sealed class ScaleReader
{
    private readonly ReadOnlyMemory<byte> _data;

    public ScaleReader(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>The read position.</summary>
    public int Position { get; private set; }

    public int Remaining => _data.Length - Position;

    public bool IsAtEnd => Position == _data.Length;

    /// <summary>Throws unless everything was read: a value with trailing bytes is not the type it was read as.</summary>
    public void EnsureAtEnd()
    {
        if (!IsAtEnd)
        {
            throw new FormatException($"SCALE value has {Remaining} unread trailing bytes.");
        }
    }

    public ReadOnlySpan<byte> ReadRaw(int length)
    {
        if (length < 0 || length > Remaining)
        {
            throw new FormatException($"SCALE input truncated: {length} bytes wanted at offset {Position}, {Remaining} left.");
        }

        var span = _data.Span.Slice(Position, length);
        Position += length;
        return span;
    }

    public byte[] ReadFixedBytes(int length) => ReadRaw(length).ToArray();

    public byte ReadU8() => ReadRaw(1)[0];

    public bool ReadBool() => ReadU8() switch
    {
        0 => false,
        1 => true,
        var b => throw new FormatException($"SCALE bool must be 0 or 1, not {b}."),
    };

    public ushort ReadU16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadRaw(2));

    public uint ReadU32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadRaw(4));

    public ulong ReadU64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadRaw(8));

    public UInt128 ReadU128() => BinaryPrimitives.ReadUInt128LittleEndian(ReadRaw(16));

    public int ReadI32() => BinaryPrimitives.ReadInt32LittleEndian(ReadRaw(4));

    public long ReadI64() => BinaryPrimitives.ReadInt64LittleEndian(ReadRaw(8));

    /// <summary>A compact integer of any size.</summary>
    public BigInteger ReadCompactBigInteger()
    {
        var first = ReadU8();
        switch (first & 0b11)
        {
            case 0b00:
                return first >> 2;
            case 0b01:
            {
                var value = (first | (ReadU8() << 8)) >> 2;
                return value < 1 << 6 ? throw NonCanonical() : value;
            }

            case 0b10:
            {
                Position--;
                var value = ReadU32() >> 2;
                return value < 1 << 14 ? throw NonCanonical() : value;
            }

            default:
            {
                var length = (first >> 2) + 4;
                var bytes = ReadRaw(length);
                if (bytes[^1] == 0)
                {
                    throw NonCanonical();
                }

                var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
                return value < 1 << 30 ? throw NonCanonical() : value;
            }
        }
    }

    /// <summary>A compact integer that must fit in 64 bits.</summary>
    public ulong ReadCompact()
    {
        var value = ReadCompactBigInteger();
        return value > ulong.MaxValue ? throw new FormatException("SCALE compact integer exceeds 64 bits.") : (ulong)value;
    }

    /// <summary>A compact integer that must fit in 128 bits (e.g. a <c>Compact&lt;Balance&gt;</c>).</summary>
    public UInt128 ReadCompactU128()
    {
        var value = ReadCompactBigInteger();
        return value > UInt128.MaxValue ? throw new FormatException("SCALE compact integer exceeds 128 bits.") : (UInt128)value;
    }

    /// <summary>A compact length or count, bounded by the bytes left so that corrupt input cannot allocate wildly.</summary>
    public int ReadLength()
    {
        var value = ReadCompact();
        return value > (ulong)Remaining && value > 0
            ? throw new FormatException($"SCALE length {value} exceeds the {Remaining} bytes left.")
            : (int)value;
    }

    /// <summary><c>Vec&lt;u8&gt;</c> / <c>BoundedVec&lt;u8, _&gt;</c>.</summary>
    public byte[] ReadBytes() => ReadRaw(ReadLength()).ToArray();

    public string ReadString() => Encoding.UTF8.GetString(ReadRaw(ReadLength()));

    /// <summary><c>Vec&lt;T&gt;</c>.</summary>
    public IReadOnlyList<T> ReadVec<T>(Func<ScaleReader, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var count = ReadLength();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(readItem(this));
        }

        return items;
    }

    /// <summary><c>Option&lt;T&gt;</c> of a reference type: null for None.</summary>
    public T? ReadOption<T>(Func<ScaleReader, T> readValue)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(readValue);
        return ReadOptionTag() ? readValue(this) : null;
    }

    /// <summary><c>Option&lt;T&gt;</c> of a value type: null for None.</summary>
    public T? ReadOptionValue<T>(Func<ScaleReader, T> readValue)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(readValue);
        return ReadOptionTag() ? readValue(this) : null;
    }

    /// <summary><c>Result&lt;TOk, TErr&gt;</c>: variant 0 is Ok, 1 is Err.</summary>
    public ScaleResult<TOk, TErr> ReadResult<TOk, TErr>(Func<ScaleReader, TOk> readOk, Func<ScaleReader, TErr> readErr)
    {
        ArgumentNullException.ThrowIfNull(readOk);
        ArgumentNullException.ThrowIfNull(readErr);
        return ReadU8() switch
        {
            0 => new ScaleResult<TOk, TErr>(true, readOk(this), default),
            1 => new ScaleResult<TOk, TErr>(false, default, readErr(this)),
            var b => throw new FormatException($"SCALE Result variant must be 0 or 1, not {b}."),
        };
    }

    /// <summary>The variant index of an enum; the caller reads the payload.</summary>
    public byte ReadVariant() => ReadU8();

    private bool ReadOptionTag() => ReadU8() switch
    {
        0 => false,
        1 => true,
        var b => throw new FormatException($"SCALE Option tag must be 0 or 1, not {b}."),
    };

    private FormatException NonCanonical() =>
        new($"SCALE compact integer at offset {Position} is not in its shortest form.");
}
