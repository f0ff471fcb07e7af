using System.Globalization;
using System.Text;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The strings Shared Key and Shared Key Lite sign
/// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key). Pure: the caller supplies
/// the date header, the URI exactly as sent and the headers. With path-style URIs (Azurite,
/// <c>http://127.0.0.1:10000/devstoreaccount1/c/b</c>) the path already holds the account, so the canonicalized
/// resource names it twice: <c>/devstoreaccount1/devstoreaccount1/c/b</c>.
/// </summary>
internal static class SharedKeyStringToSign
{
    // The standard headers of the Blob/Queue string-to-sign, in order.
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>Blob and Queue Shared Key: VERB, the standard headers (Content-Length empty when 0),
    /// the sorted <c>x-ms-*</c> headers, then the canonicalized resource.</summary>
    public static string ForBlobOrQueue(string method, Uri uri, string accountName, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName[name] = byName.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        var builder = new StringBuilder(256).Append(method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = byName.GetValueOrDefault(name, string.Empty);
            if (name == "Content-Length" && value == "0")
            {
                value = string.Empty;
            }

            builder.Append(value).Append('\n');
        }

        foreach (var (name, value) in byName
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(FoldWhitespace(value)).Append('\n');
        }

        return builder.Append(CanonicalizedResource(accountName, uri)).ToString();
    }

    /// <summary>Table Shared Key Lite: <c>x-ms-date \n /account/path</c>, plus <c>?comp=…</c> when present.</summary>
    public static string ForTableLite(string date, Uri uri, string accountName)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = ParseQuery(uri).FirstOrDefault(p => p.Name == "comp");
        return comp.Name is null ? $"{date}\n{resource}" : $"{date}\n{resource}?comp={comp.Value}";
    }

    /// <summary><c>/account/path</c>, then one <c>\nname:value</c> line per query parameter: names lower-cased and
    /// sorted, values decoded, repeated values sorted and comma-joined.</summary>
    public static string CanonicalizedResource(string accountName, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var builder = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in ParseQuery(uri).GroupBy(p => p.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Name, string Value)> ParseQuery(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1)
        {
            yield break;
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(name).ToLower(CultureInfo.InvariantCulture), Uri.UnescapeDataString(value));
        }
    }

    // "Replace any linear whitespace in the header value with a single space" and trim.
    private static string FoldWhitespace(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal) && trimmed.IndexOfAny(['\t', '\r', '\n']) < 0)
        {
            return trimmed;
        }

        return string.Join(' ', trimmed.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
