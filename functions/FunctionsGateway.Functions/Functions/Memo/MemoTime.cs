using System.Globalization;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>Times as Go's encoding/json writes a <c>time.Time</c> (RFC 3339 with up to nanoseconds, <c>Z</c> for UTC).</summary>
internal static class MemoTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
