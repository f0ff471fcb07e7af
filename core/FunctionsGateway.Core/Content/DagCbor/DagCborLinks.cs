using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.DagCbor;

/// <summary>Finds the links of a DAG-CBOR block (https://ipld.io/specs/codecs/dag-cbor/spec/#links), in encoding order.</summary>
internal static class DagCborLinks
{
    /// <summary>The CIDs a DAG-CBOR block links to, in the order they are encoded.</summary>
    /// <exception cref="InvalidDataException">The block is not one well-formed DAG-CBOR item.</exception>
    public static List<Cid> Read(ReadOnlySpan<byte> block)
    {
        var links = new List<Cid>();
        var reader = new DagCborReader(block, "dag-cbor block");
        reader.SkipItem(links);
        if (!reader.End)
        {
            throw reader.Malformed("bytes follow the top-level item");
        }

        return links;
    }
}
