using System.Globalization;
using Azure;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>The response headers the clients read, with the service's spellings
/// (https://learn.microsoft.com/rest/api/storageservices/common-rest-api-response-headers).</summary>
internal static class StorageResponseHeaders
{
    /// <summary><c>ETag</c>, verbatim (quotes and weak prefix kept); empty when absent.</summary>
    public static string ETag(Response response) => Value(response, "ETag") ?? string.Empty;

    /// <summary><c>x-ms-error-code</c>, or null.</summary>
    public static string? ErrorCode(Response response) => Value(response, "x-ms-error-code");

    /// <summary><c>Last-Modified</c>, or null.</summary>
    public static DateTimeOffset? LastModified(Response response) => StorageHttpDate.Parse(Value(response, "Last-Modified"));

    /// <summary><c>Content-Length</c>; 0 when absent.</summary>
    public static long ContentLength(Response response) =>
        long.TryParse(Value(response, "Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0;

    /// <summary>Any header, or null.</summary>
    public static string? Value(Response response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValue(name, out var value) ? value : null;
    }
}
