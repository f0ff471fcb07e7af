using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace FunctionsGateway.Core.Chains.Substrate.Scale;

/// <summary>
/// Writes the SCALE codec (Parity, "SCALE Codec", docs.substrate.io/reference/scale-codec/ and
/// parity-scale-codec): little-endian fixed-width integers, compact integers in four modes, bool as one
/// byte, Option/Result/enums as a variant byte plus payload, Vec as compact length plus items, tuples,
/// structs and fixed arrays as the plain concatenation of their parts.
/// </summary>
public sealed class ScaleWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>Bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public int Length => _buffer.WrittenCount;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public ScaleWriter WriteU8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public ScaleWriter WriteBool(bool value) => WriteU8(value ? (byte)1 : (byte)0);

    public ScaleWriter WriteU16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    public ScaleWriter WriteU32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public ScaleWriter WriteU64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public ScaleWriter WriteU128(UInt128 value)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(_buffer.GetSpan(16), value);
        _buffer.Advance(16);
        return this;
    }

    public ScaleWriter WriteI32(int value) => WriteU32(unchecked((uint)value));

    public ScaleWriter WriteI64(long value) => WriteU64(unchecked((ulong)value));

    /// <summary>A compact (variable-length) unsigned integer.</summary>
    public ScaleWriter WriteCompact(ulong value)
    {
        if (value < 1UL << 6)
        {
            return WriteU8((byte)(value << 2));
        }

        if (value < 1UL << 14)
        {
            return WriteU16((ushort)((value << 2) | 0b01));
        }

        if (value < 1UL << 30)
        {
            return WriteU32((uint)((value << 2) | 0b10));
        }

        return WriteCompactBigInteger(value);
    }

    /// <summary>A compact unsigned integer up to 2^536 - 1 (the big-integer mode carries 4–67 bytes).</summary>
    public ScaleWriter WriteCompact(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Compact integers are unsigned.");
        }

        return value < 1UL << 30 ? WriteCompact((ulong)value) : WriteCompactBigInteger(value);
    }

    public ScaleWriter WriteCompact(UInt128 value) => WriteCompact((BigInteger)value);

    /// <summary>Bytes as they are: fixed-size arrays such as <c>[u8; 32]</c>, or an already encoded value.</summary>
    public ScaleWriter WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
        return this;
    }

    /// <summary><c>Vec&lt;u8&gt;</c> (also <c>BoundedVec&lt;u8, _&gt;</c>): compact length, then the bytes.</summary>
    public ScaleWriter WriteBytes(ReadOnlySpan<byte> bytes) => WriteCompact((ulong)bytes.Length).WriteRaw(bytes);

    /// <summary>A string as its UTF-8 <c>Vec&lt;u8&gt;</c>.</summary>
    public ScaleWriter WriteString(string value) => WriteBytes(Encoding.UTF8.GetBytes(value));

    /// <summary><c>Vec&lt;T&gt;</c>: compact count, then each item.</summary>
    public ScaleWriter WriteVec<T>(IReadOnlyCollection<T> items, Action<ScaleWriter, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        WriteCompact((ulong)items.Count);
        foreach (var item in items)
        {
            writeItem(this, item);
        }

        return this;
    }

    /// <summary><c>Option&lt;T&gt;</c>: 0x00 for None, 0x01 then the value for Some.</summary>
    public ScaleWriter WriteOption<T>(T? value, Action<ScaleWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writeValue);
        if (value is null)
        {
            return WriteU8(0);
        }

        WriteU8(1);
        writeValue(this, value);
        return this;
    }

    /// <summary>The variant index of an enum (or of <c>Result</c>: 0 = Ok, 1 = Err); the payload follows.</summary>
    public ScaleWriter WriteVariant(byte index) => WriteU8(index);

    private ScaleWriter WriteCompactBigInteger(BigInteger value)
    {
        var length = value.GetByteCount(isUnsigned: true);
        length = Math.Max(length, 4);
        if (length > 67)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Compact integers hold at most 67 bytes.");
        }

        WriteU8((byte)(((length - 4) << 2) | 0b11));
        var span = _buffer.GetSpan(length)[..length];
        span.Clear();
        value.TryWriteBytes(span, out _, isUnsigned: true, isBigEndian: false);
        _buffer.Advance(length);
        return this;
    }
}
