using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>
/// The HTML index of a directory that has no <c>index.html</c> (https://specs.ipfs.tech/http-gateways/path-gateway/,
/// "Generated HTML with directory index"): one row per entry with its name (a relative link), CID and DAG size
/// (the link's Tsize, so no child block is read), a link to the parent, and links to the CAR of the directory.
/// </summary>
internal static class DirectoryListingPage
{
    /// <summary>Changes whenever the page's markup does: part of the listing's ETag, so caches drop old pages.</summary>
    public const string Version = "1";

    /// <summary>The page for the directory <paramref name="directory"/> shown at <paramref name="requestPath"/> (ending in '/').</summary>
    public static string Render(string requestPath, Cid directory, IReadOnlyList<DagPbLink> entries, bool hasParent)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var html = HtmlEncoder.Default;
        var title = html.Encode(requestPath);
        var page = new StringBuilder(1024 + (entries.Count * 200));
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em}td{padding:.2em 1em .2em 0}.cid,.size{font-family:monospace}.size{text-align:right}</style>\n")
            .Append("</head>\n<body>\n<h1>Index of ").Append(title).Append("</h1>\n")
            .Append("<p class=\"cid\">").Append(html.Encode(directory.ToString()))
            .Append(" · <a href=\"./?format=car\">CAR</a></p>\n<table>\n");
        if (hasParent)
        {
            page.Append("<tr><td><a href=\"../\">..</a></td><td></td><td></td></tr>\n");
        }

        foreach (var entry in entries)
        {
            var name = entry.Name ?? "";
            page.Append("<tr><td><a href=\"./").Append(html.Encode(Uri.EscapeDataString(name))).Append("\">").Append(html.Encode(name)).Append("</a></td>")
                .Append("<td class=\"cid\">").Append(html.Encode(entry.Hash.ToString())).Append("</td>")
                .Append("<td class=\"size\">").Append(entry.Tsize is { } size ? size.ToString(CultureInfo.InvariantCulture) : "").Append("</td></tr>\n");
        }

        page.Append("</table>\n</body>\n</html>\n");
        return page.ToString();
    }
}
