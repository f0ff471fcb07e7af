using FunctionsGateway.Core.Content.DagCbor;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Car;

/// <summary>
/// The CARv1 header block: DAG-CBOR <c>{"roots": [CID…], "version": 1}</c> (https://ipld.io/specs/transport/car/carv1/#header).
/// Encoding is canonical DAG-CBOR (keys by length then bytes, so "roots" first; links as tag 42 over 0x00 ‖ CID).
/// Decoding accepts the keys in any order, ignores unknown keys, and rejects a version other than 1 and a header
/// without roots.
/// </summary>
internal static class CarHeaderCodec
{
    /// <summary>Encodes a header block (without the length prefix).</summary>
    public static byte[] Encode(IReadOnlyList<Cid> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var length = 1 + 6 + HeadLength((ulong)roots.Count) + 8 + 1;
        foreach (var root in roots)
        {
            length += 2 + HeadLength((ulong)root.ByteLength + 1) + 1 + root.ByteLength;
        }

        var bytes = new byte[length];
        var o = 0;
        bytes[o++] = 0xa2;                                     // map(2)
        bytes[o++] = 0x65;                                     // text(5) "roots"
        o += System.Text.Encoding.ASCII.GetBytes("roots", bytes.AsSpan(o));
        o += WriteHead(bytes.AsSpan(o), DagCborReader.Array, (ulong)roots.Count);
        foreach (var root in roots)
        {
            if (root.IsEmpty)
            {
                throw new ArgumentException("A CAR root cannot be empty.", nameof(roots));
            }

            bytes[o++] = 0xd8;                                 // tag(42)
            bytes[o++] = 42;
            o += WriteHead(bytes.AsSpan(o), DagCborReader.ByteString, (ulong)root.ByteLength + 1);
            bytes[o++] = 0x00;                                 // identity multibase prefix
            root.Bytes.CopyTo(bytes.AsSpan(o));
            o += root.ByteLength;
        }

        bytes[o++] = 0x67;                                     // text(7) "version"
        o += System.Text.Encoding.ASCII.GetBytes("version", bytes.AsSpan(o));
        bytes[o] = 0x01;                                       // 1
        return bytes;
    }

    /// <summary>Decodes a header block.</summary>
    /// <exception cref="InvalidDataException">It is not a CARv1 header; the message says why.</exception>
    public static CarHeader Decode(ReadOnlySpan<byte> block)
    {
        var reader = new DagCborReader(block, "CAR header");
        var count = reader.ReadHead(DagCborReader.Map);
        ulong? version = null;
        List<Cid>? roots = null;
        for (ulong i = 0; i < count; i++)
        {
            var key = reader.ReadText();
            switch (key)
            {
                case "version" when version is null:
                    version = reader.ReadHead(DagCborReader.UnsignedInteger);
                    break;
                case "roots" when roots is null:
                    var n = reader.ReadHead(DagCborReader.Array);
                    roots = [];
                    for (ulong r = 0; r < n; r++)
                    {
                        roots.Add(reader.ReadCid());
                    }

                    break;
                case "version" or "roots":
                    throw reader.Malformed($"duplicate key \"{key}\"");
                default:
                    reader.SkipItem();
                    break;
            }
        }

        if (!reader.End)
        {
            throw reader.Malformed("bytes follow the header map");
        }

        if (version != 1)
        {
            throw new InvalidDataException(version is null
                ? "Malformed CAR header: no version."
                : $"Unsupported CAR version {version}: only CARv1 is supported.");
        }

        return new CarHeader(roots ?? throw new InvalidDataException("Malformed CAR header: no roots."));
    }

    private static int HeadLength(ulong argument) => argument switch
    {
        < 24 => 1,
        <= byte.MaxValue => 2,
        <= ushort.MaxValue => 3,
        <= uint.MaxValue => 5,
        _ => 9,
    };

    private static int WriteHead(Span<byte> destination, int major, ulong argument)
    {
        var type = (byte)(major << 5);
        switch (HeadLength(argument))
        {
            case 1:
                destination[0] = (byte)(type | (byte)argument);
                return 1;
            case 2:
                destination[0] = (byte)(type | 24);
                destination[1] = (byte)argument;
                return 2;
            case 3:
                destination[0] = (byte)(type | 25);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)argument);
                return 3;
            case 5:
                destination[0] = (byte)(type | 26);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)argument);
                return 5;
            default:
                destination[0] = (byte)(type | 27);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[1..], argument);
                return 9;
        }
    }
}
