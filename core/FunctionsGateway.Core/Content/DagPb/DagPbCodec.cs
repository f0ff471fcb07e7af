using System.Text;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>
/// Encodes and decodes dag-pb blocks (https://ipld.io/specs/codecs/dag-pb/spec/). Encoding writes Links
/// (field 2) before Data (field 1) and each link's fields in order Hash, Name, Tsize, as go-merkledag does
/// (spec/standards.md §4, "byte-exact rules"); it does not sort links, which is the caller's job (directories
/// sort by name, file nodes keep offset order). Decoding follows the spec's "Protobuf Strictness": PBNode
/// fields in either order, PBLink fields only in schema order, no duplicates, no unknown fields or wire types,
/// every Hash a valid CID and every Name valid UTF-8.
/// </summary>
internal static class DagPbCodec
{
    private const int DataField = 1;
    private const int LinksField = 2;
    private const int HashField = 1;
    private const int NameField = 2;
    private const int TsizeField = 3;

    /// <summary>The encoded length of a node.</summary>
    public static int GetEncodedLength(ReadOnlySpan<DagPbLink> links, ReadOnlySpan<byte> data, bool hasData)
    {
        var length = 0;
        foreach (var link in links)
        {
            length += ProtobufWriter.LengthDelimitedFieldLength(GetLinkLength(link));
        }

        return hasData ? length + ProtobufWriter.LengthDelimitedFieldLength(data.Length) : length;
    }

    /// <summary>Encodes a node into <paramref name="destination"/> (sized by <see cref="GetEncodedLength"/>); returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<DagPbLink> links, ReadOnlySpan<byte> data, bool hasData, Span<byte> destination)
    {
        var writer = new ProtobufWriter(destination);
        foreach (var link in links)
        {
            writer.WriteLengthPrefix(LinksField, GetLinkLength(link));
            if (link.Hash.IsEmpty)
            {
                throw new ArgumentException("A dag-pb link needs a CID.", nameof(links));
            }

            writer.WriteBytesField(HashField, link.Hash.Bytes);
            if (link.Name is not null)
            {
                writer.WriteStringField(NameField, link.Name);
            }

            if (link.Tsize is { } tsize)
            {
                writer.WriteVarintField(TsizeField, tsize);
            }
        }

        if (hasData)
        {
            writer.WriteBytesField(DataField, data);
        }

        return writer.Position;
    }

    /// <summary>Encodes a node into a new array.</summary>
    public static byte[] Encode(DagPbNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var links = node.Links as DagPbLink[] ?? [.. node.Links];
        var data = node.Data ?? default;
        var bytes = new byte[GetEncodedLength(links, data.Span, node.Data.HasValue)];
        Encode(links, data.Span, node.Data.HasValue, bytes);
        return bytes;
    }

    /// <summary>Decodes a block; <see cref="DagPbNode.Data"/> is a slice of <paramref name="block"/>, not a copy.</summary>
    /// <exception cref="InvalidDataException">The block is not canonical-enough dag-pb; the message says why.</exception>
    public static DagPbNode Decode(ReadOnlyMemory<byte> block)
    {
        var reader = new ProtobufReader(block.Span, "dag-pb PBNode");
        var links = new List<DagPbLink>();
        ReadOnlyMemory<byte>? data = null;
        var linksBeforeData = false;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case DataField:
                    reader.Expect(field, wireType, ProtobufWireType.LengthDelimited);
                    if (data.HasValue)
                    {
                        throw reader.Malformed("duplicate Data field");
                    }

                    data = block[reader.ReadLengthDelimited()];
                    linksBeforeData = links.Count > 0;
                    break;
                case LinksField:
                    reader.Expect(field, wireType, ProtobufWireType.LengthDelimited);
                    if (data.HasValue && linksBeforeData)
                    {
                        throw reader.Malformed("Links appear on both sides of Data");
                    }

                    var range = reader.ReadLengthDelimited();
                    links.Add(DecodeLink(block.Span[range], links.Count));
                    break;
                default:
                    throw reader.Malformed($"unknown field {field}");
            }
        }

        return new DagPbNode(links, data);
    }

    private static DagPbLink DecodeLink(ReadOnlySpan<byte> bytes, int index)
    {
        var reader = new ProtobufReader(bytes, $"dag-pb PBLink #{index}");
        Cid hash = default;
        string? name = null;
        ulong? tsize = null;
        var lastField = 0;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            if (field <= lastField)
            {
                throw reader.Malformed(field == lastField ? $"duplicate field {field}" : $"field {field} after field {lastField}");
            }

            lastField = field;
            switch (field)
            {
                case HashField:
                    reader.Expect(field, wireType, ProtobufWireType.LengthDelimited);
                    var error = Cid.TryFromBytes(bytes[reader.ReadLengthDelimited()], out hash);
                    if (error is not null)
                    {
                        throw reader.Malformed($"Hash is not a CID: {error}");
                    }

                    break;
                case NameField:
                    reader.Expect(field, wireType, ProtobufWireType.LengthDelimited);
                    try
                    {
                        name = ProtobufWriter.StrictUtf8.GetString(bytes[reader.ReadLengthDelimited()]);
                    }
                    catch (DecoderFallbackException)
                    {
                        throw reader.Malformed("Name is not valid UTF-8");
                    }

                    break;
                case TsizeField:
                    reader.Expect(field, wireType, ProtobufWireType.Varint);
                    tsize = reader.ReadVarint();
                    break;
                default:
                    throw reader.Malformed($"unknown field {field}");
            }
        }

        if (hash.IsEmpty)
        {
            throw reader.Malformed("missing Hash");
        }

        return new DagPbLink(hash, name, tsize);
    }

    private static int GetLinkLength(DagPbLink link)
    {
        var length = ProtobufWriter.LengthDelimitedFieldLength(link.Hash.ByteLength);
        if (link.Name is not null)
        {
            length += ProtobufWriter.LengthDelimitedFieldLength(ProtobufWriter.StrictUtf8.GetByteCount(link.Name));
        }

        if (link.Tsize is { } tsize)
        {
            length += ProtobufWriter.VarintFieldLength(tsize);
        }

        return length;
    }
}
