using System.Buffers.Binary;

namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>
/// A forward-only reader of the Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/)
/// over one message. Throws <see cref="InvalidDataException"/> on malformed input, naming <c>message</c>.
/// </summary>
internal ref struct ProtobufReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _message;

    public ProtobufReader(ReadOnlySpan<byte> data, string message)
    {
        _data = data;
        _message = message;
        Position = 0;
    }

    /// <summary>The offset of the next unread byte.</summary>
    public int Position { get; private set; }

    /// <summary>True when the whole message has been read.</summary>
    public readonly bool End => Position >= _data.Length;

    /// <summary>Reads a field key: its number and wire type.</summary>
    public (int Field, ProtobufWireType WireType) ReadTag()
    {
        var key = ReadVarint();
        var field = key >> 3;
        if (field is 0 or > int.MaxValue >> 3)
        {
            throw Malformed($"invalid field number {field}");
        }

        return ((int)field, (ProtobufWireType)(key & 7));
    }

    /// <summary>Reads a varint of up to ten bytes (64 bits).</summary>
    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (Position >= _data.Length)
            {
                throw Malformed("truncated varint");
            }

            var b = _data[Position++];
            if (shift == 63 && b > 1)
            {
                throw Malformed("varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed("varint longer than 10 bytes");
    }

    /// <summary>Reads a length-delimited field and returns where its bytes lie in the message.</summary>
    public Range ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - Position))
        {
            throw Malformed($"a field declares {length} bytes but {_data.Length - Position} remain");
        }

        var start = Position;
        Position += (int)length;
        return new Range(start, Position);
    }

    /// <summary>Reads a fixed32 field.</summary>
    public uint ReadFixed32()
    {
        if (_data.Length - Position < 4)
        {
            throw Malformed("truncated fixed32");
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data[Position..]);
        Position += 4;
        return value;
    }

    /// <summary>Skips a field of the given wire type (for fields a message may ignore).</summary>
    public void Skip(ProtobufWireType wireType)
    {
        switch (wireType)
        {
            case ProtobufWireType.Varint:
                ReadVarint();
                break;
            case ProtobufWireType.Fixed64:
                Advance(8);
                break;
            case ProtobufWireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case ProtobufWireType.Fixed32:
                Advance(4);
                break;
            default:
                throw Malformed($"unsupported wire type {(int)wireType}");
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
    public readonly void Expect(int field, ProtobufWireType actual, ProtobufWireType expected)
    {
        if (actual != expected)
        {
            throw Malformed($"field {field} has wire type {(int)actual}, expected {(int)expected}");
        }
    }

    /// <summary>An exception naming the message and the offset.</summary>
    public readonly InvalidDataException Malformed(string reason) =>
        new($"Malformed {_message} at byte {Position}: {reason}.");

    private void Advance(int count)
    {
        if (_data.Length - Position < count)
        {
            throw Malformed("truncated field");
        }

        Position += count;
    }
}
