using System.Text;

namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>
/// Writes the Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/) into a span
/// the caller sized with the <c>…Length</c> helpers, so encoders allocate nothing but their output.
/// </summary>
internal ref struct ProtobufWriter
{
    private readonly Span<byte> _destination;

    public ProtobufWriter(Span<byte> destination)
    {
        _destination = destination;
        Position = 0;
    }

    /// <summary>UTF-8 that throws on invalid input rather than substituting U+FFFD, for protobuf <c>string</c> fields.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes written so far.</summary>
    public int Position { get; private set; }

    /// <summary>The bytes a varint of <paramref name="value"/> takes (1–10).</summary>
    public static int VarintLength(ulong value) =>
        (64 - System.Numerics.BitOperations.LeadingZeroCount(value | 1) + 6) / 7;

    /// <summary>The bytes a length-delimited field with a one-byte key and <paramref name="length"/> bytes of payload takes.</summary>
    public static int LengthDelimitedFieldLength(int length) => 1 + VarintLength((ulong)length) + length;

    /// <summary>The bytes a varint field with a one-byte key takes.</summary>
    public static int VarintFieldLength(ulong value) => 1 + VarintLength(value);

    /// <summary>Writes a varint.</summary>
    public void WriteVarint(ulong value)
    {
        var i = Position;
        while (value >= 0x80)
        {
            _destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _destination[i++] = (byte)value;
        Position = i;
    }

    /// <summary>Writes a field key (field numbers below 16 take one byte).</summary>
    public void WriteTag(int field, ProtobufWireType wireType) => WriteVarint(((ulong)field << 3) | (uint)wireType);

    /// <summary>Writes a varint field.</summary>
    public void WriteVarintField(int field, ulong value)
    {
        WriteTag(field, ProtobufWireType.Varint);
        WriteVarint(value);
    }

    /// <summary>Writes a length-delimited field.</summary>
    public void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        WriteLengthPrefix(field, value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a string field in UTF-8.</summary>
    public void WriteStringField(int field, string value)
    {
        var length = StrictUtf8.GetByteCount(value);
        WriteLengthPrefix(field, length);
        Position += StrictUtf8.GetBytes(value, _destination.Slice(Position, length));
    }

    /// <summary>Writes the key and length of a length-delimited field whose payload follows.</summary>
    public void WriteLengthPrefix(int field, int length)
    {
        WriteTag(field, ProtobufWireType.LengthDelimited);
        WriteVarint((ulong)length);
    }

    /// <summary>Writes bytes as they are.</summary>
    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[Position..]);
        Position += value.Length;
    }

    /// <summary>Writes four little-endian bytes.</summary>
    public void WriteFixed32(uint value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(_destination[Position..], value);
        Position += 4;
    }
}
