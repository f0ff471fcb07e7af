using FunctionsGateway.Core.Content.DagPb;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Encodes and decodes the UnixFS <c>Data</c> protobuf (https://specs.ipfs.tech/unixfs/, <c>unixfs.proto</c>).
/// Fields are written in field-number order, <c>blocksizes</c> unpacked (proto2), as boxo does; decoding accepts
/// any order, packed <c>blocksizes</c>, and skips unknown fields, but rejects malformed wire data, a missing
/// or unknown Type, and duplicate singular fields.
/// </summary>
internal static class UnixFsDataCodec
{
    private const int TypeField = 1;
    private const int DataField = 2;
    private const int FileSizeField = 3;
    private const int BlockSizesField = 4;
    private const int HashTypeField = 5;
    private const int FanoutField = 6;
    private const int ModeField = 7;
    private const int MtimeField = 8;
    private const int SecondsField = 1;
    private const int NanosField = 2;

    /// <summary>The encoded length of <paramref name="value"/>.</summary>
    public static int GetEncodedLength(UnixFsData value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = ProtobufWriter.VarintFieldLength((ulong)value.Type);
        if (value.Data is { } data)
        {
            length += ProtobufWriter.LengthDelimitedFieldLength(data.Length);
        }

        length += OptionalVarintLength(value.FileSize);
        foreach (var size in value.BlockSizes)
        {
            length += ProtobufWriter.VarintFieldLength(size);
        }

        length += OptionalVarintLength(value.HashType) + OptionalVarintLength(value.Fanout) + OptionalVarintLength(value.Mode);
        if (value.ModificationTime is { } mtime)
        {
            length += ProtobufWriter.LengthDelimitedFieldLength(GetTimeLength(mtime));
        }

        return length;
    }

    /// <summary>Encodes <paramref name="value"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Encode(UnixFsData value, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(value);
        var writer = new ProtobufWriter(destination);
        writer.WriteVarintField(TypeField, (ulong)value.Type);
        if (value.Data is { } data)
        {
            writer.WriteBytesField(DataField, data.Span);
        }

        WriteOptional(ref writer, FileSizeField, value.FileSize);
        foreach (var size in value.BlockSizes)
        {
            writer.WriteVarintField(BlockSizesField, size);
        }

        WriteOptional(ref writer, HashTypeField, value.HashType);
        WriteOptional(ref writer, FanoutField, value.Fanout);
        WriteOptional(ref writer, ModeField, value.Mode);
        if (value.ModificationTime is { } mtime)
        {
            writer.WriteLengthPrefix(MtimeField, GetTimeLength(mtime));
            writer.WriteVarintField(SecondsField, (ulong)mtime.Seconds);
            if (mtime.FractionalNanoseconds is { } nanos)
            {
                writer.WriteTag(NanosField, ProtobufWireType.Fixed32);
                writer.WriteFixed32(nanos);
            }
        }

        return writer.Position;
    }

    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode(UnixFsData value)
    {
        var bytes = new byte[GetEncodedLength(value)];
        Encode(value, bytes);
        return bytes;
    }

    /// <summary>Decodes a UnixFS Data message; <see cref="UnixFsData.Data"/> is a slice of <paramref name="message"/>.</summary>
    /// <exception cref="InvalidDataException">The message is malformed; the text says why.</exception>
    public static UnixFsData Decode(ReadOnlyMemory<byte> message)
    {
        var reader = new ProtobufReader(message.Span, "UnixFS Data");
        UnixFsDataType? type = null;
        ReadOnlyMemory<byte>? data = null;
        ulong? fileSize = null, hashType = null, fanout = null;
        uint? mode = null;
        UnixFsTime? mtime = null;
        var blockSizes = new List<ulong>();
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case TypeField:
                    reader.Expect(field, wireType, ProtobufWireType.Varint);
                    var raw = reader.ReadVarint();
                    if (raw > (ulong)UnixFsDataType.HamtShard)
                    {
                        throw reader.Malformed($"unknown Type {raw}");
                    }

                    Once(ref reader, ref type, (UnixFsDataType)raw, "Type");
                    break;
                case DataField:
                    reader.Expect(field, wireType, ProtobufWireType.LengthDelimited);
                    Once(ref reader, ref data, message[reader.ReadLengthDelimited()], "Data");
                    break;
                case FileSizeField:
                    Once(ref reader, ref fileSize, ReadVarintField(ref reader, field, wireType), "filesize");
                    break;
                case BlockSizesField when wireType == ProtobufWireType.LengthDelimited:
                    // Packed encoding: proto parsers accept it for repeated scalars.
                    var packed = new ProtobufReader(message.Span[reader.ReadLengthDelimited()], "UnixFS Data blocksizes");
                    while (!packed.End)
                    {
                        blockSizes.Add(packed.ReadVarint());
                    }

                    break;
                case BlockSizesField:
                    blockSizes.Add(ReadVarintField(ref reader, field, wireType));
                    break;
                case HashTypeField:
                    Once(ref reader, ref hashType, ReadVarintField(ref reader, field, wireType), "hashType");
                    break;
                case FanoutField:
                    Once(ref reader, ref fanout, ReadVarintField(ref reader, field, wireType), "fanout");
                    break;
                case ModeField:
                    Once(ref reader, ref mode, (uint)ReadVarintField(ref reader, field, wireType), "mode");
                    break;
                case MtimeField:
                    reader.Expect(field, wireType, ProtobufWireType.LengthDelimited);
                    Once(ref reader, ref mtime, DecodeTime(message.Span[reader.ReadLengthDelimited()]), "mtime");
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new UnixFsData
        {
            Type = type ?? throw reader.Malformed("missing Type"),
            Data = data,
            FileSize = fileSize,
            BlockSizes = blockSizes,
            HashType = hashType,
            Fanout = fanout,
            Mode = mode,
            ModificationTime = mtime,
        };
    }

    private static UnixFsTime DecodeTime(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes, "UnixFS UnixTime");
        long? seconds = null;
        uint? nanos = null;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case SecondsField:
                    Once(ref reader, ref seconds, (long)ReadVarintField(ref reader, field, wireType), "Seconds");
                    break;
                case NanosField:
                    reader.Expect(field, wireType, ProtobufWireType.Fixed32);
                    Once(ref reader, ref nanos, reader.ReadFixed32(), "FractionalNanoseconds");
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new UnixFsTime(seconds ?? throw reader.Malformed("missing Seconds"), nanos);
    }

    private static ulong ReadVarintField(ref ProtobufReader reader, int field, ProtobufWireType wireType)
    {
        reader.Expect(field, wireType, ProtobufWireType.Varint);
        return reader.ReadVarint();
    }

    private static void Once<T>(ref ProtobufReader reader, ref T? slot, T value, string name)
        where T : struct
    {
        if (slot.HasValue)
        {
            throw reader.Malformed($"duplicate {name}");
        }

        slot = value;
    }

    private static int OptionalVarintLength(ulong? value) => value is { } v ? ProtobufWriter.VarintFieldLength(v) : 0;

    private static void WriteOptional(ref ProtobufWriter writer, int field, ulong? value)
    {
        if (value is { } v)
        {
            writer.WriteVarintField(field, v);
        }
    }

    private static int GetTimeLength(UnixFsTime time) =>
        ProtobufWriter.VarintFieldLength((ulong)time.Seconds) + (time.FractionalNanoseconds.HasValue ? 5 : 0);
}
