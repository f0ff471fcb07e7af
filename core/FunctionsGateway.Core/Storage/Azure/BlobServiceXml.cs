using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The XML bodies of the Blob operations used here: the Put Block List request
/// (https://learn.microsoft.com/rest/api/storageservices/put-block-list#request-body) and the List Blobs response
/// (https://learn.microsoft.com/rest/api/storageservices/list-blobs#response-body). Pure.
/// </summary>
internal static class BlobServiceXml
{
    /// <summary><c>&lt;BlockList&gt;&lt;Latest&gt;id&lt;/Latest&gt;…&lt;/BlockList&gt;</c> as UTF-8.</summary>
    public static byte[] WriteBlockList(IEnumerable<string> blockIds)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id))));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The blobs of one List Blobs page and the marker of the next page (null on the last).</summary>
    public static (IReadOnlyList<BlobItem> Items, string? NextMarker) ParseListing(Stream body)
    {
        var root = XDocument.Load(body).Root ?? throw new FormatException("List Blobs returned an empty document.");
        var items = new List<BlobItem>();
        foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            var properties = blob.Element("Properties");
            items.Add(new BlobItem(
                blob.Element("Name")?.Value ?? throw new FormatException("List Blobs returned a blob without a name."),
                long.Parse(properties?.Element("Content-Length")?.Value ?? "0", NumberStyles.None, CultureInfo.InvariantCulture),
                NullIfEmpty(properties?.Element("Content-Type")?.Value),
                StorageHttpDate.Parse(properties?.Element("Last-Modified")?.Value)));
        }

        return (items, NullIfEmpty(root.Element("NextMarker")?.Value));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
