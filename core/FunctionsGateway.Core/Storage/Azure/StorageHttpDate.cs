using System.Globalization;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>Dates as the services write them in headers and XML: RFC 1123 (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>).</summary>
internal static class StorageHttpDate
{
    /// <summary>The date, or null when absent or not RFC 1123.</summary>
    public static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
