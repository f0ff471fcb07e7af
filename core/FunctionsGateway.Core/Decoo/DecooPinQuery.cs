using System.Globalization;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// The filters of <c>GET /decoo/pinning/pinList</c> (<c>sort</c>, <c>start-date</c>, <c>end-date</c>, <c>offset</c>,
/// <c>limit</c>; pinned pins only) and <c>GET /decoo/pinning/pinJobs</c> (<c>pin-hash</c>, <c>sort</c>, <c>status</c>,
/// <c>offset</c>, <c>limit</c>), spec/compat.md §3.2. <c>sort</c> is <c>ASC</c> or <c>DESC</c> by creation (default
/// newest first), <c>limit</c> 1–1000 (default 5), dates ISO 8601 (a date alone is midnight UTC; <c>end-date</c> is
/// exclusive, a date alone means through that day).
/// </summary>
internal sealed record DecooPinQuery(
    IReadOnlyList<Cid> Cids,
    IReadOnlySet<PinRequestStatus>? Statuses,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    bool Ascending,
    int Offset,
    int Limit)
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 1000;

    /// <summary><c>pinList</c>'s query.</summary>
    /// <exception cref="DecooRequestException">A parameter is malformed; the message names it.</exception>
    public static DecooPinQuery ForPinList(Func<string, string?> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new DecooPinQuery(
            [],
            new HashSet<PinRequestStatus> { PinRequestStatus.Pinned },
            ParseDate("start-date", parameter("start-date"), endOfDay: false),
            ParseDate("end-date", parameter("end-date"), endOfDay: true),
            ParseSort(parameter("sort")),
            ParseInt("offset", parameter("offset"), 0, 0, int.MaxValue),
            ParseInt("limit", parameter("limit"), DefaultLimit, 1, MaxLimit));
    }

    /// <summary><c>pinJobs</c>' query.</summary>
    /// <exception cref="DecooRequestException">A parameter is malformed; the message names it.</exception>
    public static DecooPinQuery ForPinJobs(Func<string, string?> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var hash = parameter("pin-hash");
        var status = parameter("status");
        return new DecooPinQuery(
            string.IsNullOrEmpty(hash) ? [] : [DecooPinService.ParseCid(hash, "pin-hash")],
            string.IsNullOrEmpty(status) ? null
                : PinRequestStatuses.TryParse(status, out var parsed) ? new HashSet<PinRequestStatus> { parsed }
                : throw new DecooRequestException($"status must be one of queued, pinning, pinned, failed; not '{status}'"),
            null,
            null,
            ParseSort(parameter("sort")),
            ParseInt("offset", parameter("offset"), 0, 0, int.MaxValue),
            ParseInt("limit", parameter("limit"), DefaultLimit, 1, MaxLimit));
    }

    private static bool ParseSort(string? text) => text switch
    {
        null or "" => false,
        _ when text.Equals("ASC", StringComparison.OrdinalIgnoreCase) => true,
        _ when text.Equals("DESC", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new DecooRequestException($"sort must be ASC or DESC; not '{text}'"),
    };

    private static int ParseInt(string name, string? text, int fallback, int min, int max) =>
        string.IsNullOrEmpty(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new DecooRequestException($"{name} must be an integer from {min} to {max}; not '{text}'");

    private static DateTimeOffset? ParseDate(string name, string? text, bool endOfDay)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new DecooRequestException($"{name} must be an ISO 8601 date or date-time such as 2021-06-01 or 2021-06-01T12:00:00Z; not '{text}'");
    }
}
