using System.Text.Json;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>
/// A dag-pb or raw block in DAG-JSON (https://ipld.io/specs/codecs/dag-json/spec/) as Kubo's <c>dag get</c> prints it:
/// <c>{"Data":{"/":{"bytes":"…"}},"Links":[{"Hash":{"/":"cid"},"Name":"…","Tsize":n}]}</c> (keys in DAG-JSON's
/// sorted order, bytes as unpadded standard base64), a raw block as <c>{"/":{"bytes":"…"}}</c>.
/// </summary>
internal static class DagPbJsonWriter
{
    /// <summary>True when <paramref name="cid"/>'s codec is one this writer renders.</summary>
    public static bool CanWrite(Cid cid) => cid.Codec is Multicodec.DagPb or Multicodec.Raw;

    /// <summary>Writes the block as DAG-JSON.</summary>
    /// <exception cref="NotSupportedException">The codec is neither dag-pb nor raw.</exception>
    /// <exception cref="InvalidDataException">The dag-pb block is malformed.</exception>
    public static void Write(Utf8JsonWriter writer, Cid cid, ReadOnlyMemory<byte> block)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (cid.Codec == Multicodec.Raw)
        {
            WriteBytes(writer, block.Span);
            return;
        }

        if (cid.Codec != Multicodec.DagPb)
        {
            throw new NotSupportedException($"{cid} has codec {Multicodec.Describe(cid.Codec)}; only dag-pb and raw blocks are rendered");
        }

        var node = DagPbCodec.Decode(block);
        writer.WriteStartObject();
        if (node.Data is { } data)
        {
            writer.WritePropertyName("Data");
            WriteBytes(writer, data.Span);
        }

        writer.WriteStartArray("Links");
        foreach (var link in node.Links)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Hash");
            writer.WriteString("/", link.Hash.ToString());
            writer.WriteEndObject();
            if (link.Name is { } name)
            {
                writer.WriteString("Name", name);
            }

            if (link.Tsize is { } tsize)
            {
                writer.WriteNumber("Tsize", tsize);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteBytes(Utf8JsonWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("/");
        writer.WriteString("bytes", Convert.ToBase64String(bytes).TrimEnd('='));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
