using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The multipart/mixed bodies of an entity group transaction
/// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions; spec/azure.md §3.5):
/// one changeset of <c>application/http</c> parts with absolute URLs going out, and the nested multipart answer
/// coming back, whose parts are parsed rather than trusting the outer 202. Pure.
/// </summary>
internal static class TableBatchMultipart
{
    private const string Crlf = "\r\n";

    /// <summary>The request body for <paramref name="operations"/> against <paramref name="tableUri"/>
    /// (the absolute URL of the table, e.g. <c>http://127.0.0.1:10002/devstoreaccount1/t</c>).</summary>
    public static string Write(string batchBoundary, string changesetBoundary, Uri tableUri, IReadOnlyList<TableBatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(tableUri);
        ArgumentNullException.ThrowIfNull(operations);
        var table = tableUri.AbsoluteUri.TrimEnd('/');
        var body = new StringBuilder(512 * operations.Count);
        body.Append("--").Append(batchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append(Crlf).Append(Crlf);
        foreach (var operation in operations)
        {
            var entity = operation.Entity;
            var entityUrl = table + TableResourcePath.EntityKeys(entity.PartitionKey, entity.RowKey);
            var (method, url, ifMatch) = operation.Kind switch
            {
                TableBatchKind.Insert => ("POST", table, null),
                TableBatchKind.UpsertMerge => ("MERGE", entityUrl, null),
                TableBatchKind.UpsertReplace => ("PUT", entityUrl, null),
                TableBatchKind.UpdateMerge => ("MERGE", entityUrl, operation.IfMatch ?? "*"),
                TableBatchKind.UpdateReplace => ("PUT", entityUrl, operation.IfMatch ?? "*"),
                TableBatchKind.Delete => ("DELETE", entityUrl, operation.IfMatch ?? "*"),
                _ => throw new ArgumentOutOfRangeException(nameof(operations), operation.Kind, "Unknown batch operation."),
            };

            body.Append("--").Append(changesetBoundary).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf).Append(Crlf)
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: application/json;odata=nometadata").Append(Crlf)
                .Append("DataServiceVersion: 3.0;NetFx").Append(Crlf);
            if (ifMatch is not null)
            {
                body.Append("If-Match: ").Append(ifMatch).Append(Crlf);
            }

            if (operation.Kind == TableBatchKind.Delete)
            {
                body.Append(Crlf);
                continue;
            }

            if (operation.Kind == TableBatchKind.Insert)
            {
                body.Append("Prefer: return-no-content").Append(Crlf);
            }

            body.Append("Content-Type: application/json").Append(Crlf).Append(Crlf)
                .Append(Encoding.UTF8.GetString(TableEntityJson.Write(entity))).Append(Crlf);
        }

        body.Append("--").Append(changesetBoundary).Append("--").Append(Crlf)
            .Append("--").Append(batchBoundary).Append("--").Append(Crlf);
        return body.ToString();
    }

    /// <summary>Every <c>application/http</c> response inside the (nested) multipart answer, in order.</summary>
    public static IReadOnlyList<TableBatchPartResponse> ParseResponses(string contentType, string body)
    {
        var results = new List<TableBatchPartResponse>();
        var lines = body.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        ParseMultipart(lines, Boundary(contentType), results);
        return results;
    }

    private static void ParseMultipart(List<string> lines, string boundary, List<TableBatchPartResponse> results)
    {
        foreach (var part in SplitParts(lines, "--" + boundary))
        {
            var (headers, content) = SplitHeaders(part);
            var type = headers.GetValueOrDefault("Content-Type", string.Empty);
            if (type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                ParseMultipart(content, Boundary(type), results);
            }
            else if (type.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
            {
                results.Add(ParseHttpResponse(content));
            }
        }
    }

    private static IEnumerable<List<string>> SplitParts(List<string> lines, string delimiter)
    {
        List<string>? part = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(delimiter, StringComparison.Ordinal))
            {
                if (part is not null)
                {
                    yield return part;
                }

                if (line.AsSpan(delimiter.Length).TrimEnd().SequenceEqual("--"))
                {
                    yield break;
                }

                part = [];
            }
            else
            {
                part?.Add(line);
            }
        }

        if (part is not null)
        {
            yield return part;
        }
    }

    private static (Dictionary<string, string> Headers, List<string> Remainder) SplitHeaders(List<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        while (index < lines.Count && lines[index].Length > 0)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
            }

            index++;
        }

        return (headers, lines.Skip(index + 1).ToList());
    }

    private static TableBatchPartResponse ParseHttpResponse(List<string> content)
    {
        var start = content.FindIndex(line => line.Length > 0);
        var statusLine = start < 0 ? string.Empty : content[start];
        var fields = statusLine.Split(' ', 3);
        if (fields.Length < 2 || !fields[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException($"Unexpected status line '{statusLine}' in a batch response.");
        }

        var (headers, rest) = SplitHeaders(content.Skip(start + 1).ToList());
        return new TableBatchPartResponse(status, headers.GetValueOrDefault("ETag"), string.Join("\n", rest).Trim());
    }

    private static string Boundary(string contentType)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value
            : null;
        return boundary?.Trim('"') ?? throw new FormatException($"No multipart boundary in '{contentType}'.");
    }
}
