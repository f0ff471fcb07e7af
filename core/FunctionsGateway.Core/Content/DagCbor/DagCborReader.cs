using System.Buffers.Binary;
using System.Text;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.DagCbor;

/// <summary>
/// A minimal forward-only reader of DAG-CBOR (https://ipld.io/specs/codecs/dag-cbor/spec/), enough to read a
/// CAR header and to find the links (tag 42) in a block. It rejects what DAG-CBOR forbids that matters here:
/// indefinite lengths, tags other than 42, and a tag-42 payload that is not a byte string holding 0x00 + a CID.
/// Throws <see cref="InvalidDataException"/> naming <c>what</c> on malformed input.
/// </summary>
internal ref struct DagCborReader
{
    /// <summary>The CBOR major types.</summary>
    public const int UnsignedInteger = 0, NegativeInteger = 1, ByteString = 2, TextString = 3, Array = 4, Map = 5, Tag = 6, Simple = 7;

    private const ulong CidTag = 42;
    private const int MaxDepth = 256;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;

    public DagCborReader(ReadOnlySpan<byte> data, string what)
    {
        _data = data;
        _what = what;
        Position = 0;
    }

    /// <summary>The offset of the next unread byte.</summary>
    public int Position { get; private set; }

    /// <summary>True when everything has been read.</summary>
    public readonly bool End => Position >= _data.Length;

    /// <summary>The major type of the next item, without reading it.</summary>
    public readonly int PeekMajorType() =>
        Position < _data.Length ? _data[Position] >> 5 : throw Malformed("unexpected end");

    /// <summary>Reads an item head, checking its major type; returns its argument (a length, count or value).</summary>
    public ulong ReadHead(int expectedMajorType)
    {
        var (major, argument) = ReadHead();
        return major == expectedMajorType
            ? argument
            : throw Malformed($"expected major type {expectedMajorType}, found {major}");
    }

    /// <summary>Reads a text string.</summary>
    public string ReadText()
    {
        var length = ReadHead(TextString);
        try
        {
            return DagPb.ProtobufWriter.StrictUtf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("text string is not valid UTF-8");
        }
    }

    /// <summary>Reads a link: tag 42 over a byte string 0x00 ‖ binary CID.</summary>
    public Cid ReadCid()
    {
        var (major, argument) = ReadHead();
        if (major != Tag || argument != CidTag)
        {
            throw Malformed("expected a CID (tag 42)");
        }

        return ReadCidPayload();
    }

    /// <summary>Skips one item, adding every link inside it to <paramref name="links"/> when that is not null.</summary>
    public void SkipItem(List<Cid>? links = null) => SkipItem(links, 0);

    /// <summary>An exception naming the input and the offset.</summary>
    public readonly InvalidDataException Malformed(string reason) => new($"Malformed {_what} at byte {Position}: {reason}.");

    private void SkipItem(List<Cid>? links, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Malformed($"nesting deeper than {MaxDepth}");
        }

        var (major, argument) = ReadHead();
        switch (major)
        {
            case ByteString or TextString:
                Take(argument);
                break;
            case Array:
                for (ulong i = 0; i < argument; i++)
                {
                    SkipItem(links, depth + 1);
                }

                break;
            case Map:
                for (ulong i = 0; i < argument; i++)
                {
                    SkipItem(links, depth + 1);
                    SkipItem(links, depth + 1);
                }

                break;
            case Tag when argument == CidTag:
                var cid = ReadCidPayload();
                links?.Add(cid);
                break;
            case Tag:
                throw Malformed($"tag {argument} is not allowed in DAG-CBOR");
        }
    }

    private Cid ReadCidPayload()
    {
        var payload = Take(ReadHead(ByteString));
        if (payload.IsEmpty || payload[0] != 0)
        {
            throw Malformed("a CID link must start with the 0x00 multibase prefix");
        }

        var error = Cid.TryFromBytes(payload[1..], out var cid);
        return error is null ? cid : throw Malformed($"invalid CID link: {error}");
    }

    private (int Major, ulong Argument) ReadHead()
    {
        var initial = Take(1)[0];
        var major = initial >> 5;
        var info = initial & 0x1f;
        ulong argument = info switch
        {
            < 24 => (ulong)info,
            24 => Take(1)[0],
            25 => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            26 => BinaryPrimitives.ReadUInt32BigEndian(Take(4)),
            27 => BinaryPrimitives.ReadUInt64BigEndian(Take(8)),
            31 => throw Malformed("indefinite-length items are not allowed in DAG-CBOR"),
            _ => throw Malformed($"reserved additional information {info}"),
        };
        return (major, argument);
    }

    private ReadOnlySpan<byte> Take(ulong count)
    {
        if (count > (ulong)(_data.Length - Position))
        {
            throw Malformed($"{count} bytes declared, {_data.Length - Position} remain");
        }

        var span = _data.Slice(Position, (int)count);
        Position += (int)count;
        return span;
    }
}
