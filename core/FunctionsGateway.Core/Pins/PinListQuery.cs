using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Pins;

/// <summary>
/// The filters of <c>GET /pins</c> (spec/standards.md §1.3): up to 10 CIDs, a name with its match strategy, statuses
/// (null: every status, docs/compatibility.md), <c>before</c> / <c>after</c> (RFC 3339), <c>limit</c> (1–1000, default
/// 10) and <c>meta</c> (a JSON object of strings, matched with AND).
/// </summary>
internal sealed partial record PinListQuery(
    IReadOnlyList<Cid> Cids,
    string? Name,
    PinNameMatch Match,
    IReadOnlySet<PinRequestStatus>? Statuses,
    DateTimeOffset? Before,
    DateTimeOffset? After,
    int Limit,
    IReadOnlyDictionary<string, string> Meta)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 1000;
    public const int MaxCids = 10;

    /// <summary>Every pin, newest first, ten at a time.</summary>
    public static PinListQuery Everything { get; } = new([], null, PinNameMatch.Exact, null, null, null, DefaultLimit, new Dictionary<string, string>());

    /// <summary>Parses the query parameters (<paramref name="parameter"/> returns a parameter's value, repeated ones joined by commas).</summary>
    /// <exception cref="PinRequestException">A filter is malformed or out of range; the message names it.</exception>
    public static PinListQuery Parse(Func<string, string?> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new PinListQuery(
            ParseCids(parameter("cid")),
            ParseName(parameter("name")),
            ParseMatch(parameter("match")),
            ParseStatuses(parameter("status")),
            ParseTime("before", parameter("before")),
            ParseTime("after", parameter("after")),
            ParseLimit(parameter("limit")),
            ParseMeta(parameter("meta")));
    }

    /// <summary>True when <paramref name="pin"/> passes the filters that Table storage cannot apply (name strategies other than exact, meta).</summary>
    public bool MatchesInMemory(PinRequest pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (Name is not null)
        {
            var name = pin.Pin.Name ?? "";
            var matched = Match switch
            {
                PinNameMatch.Exact => string.Equals(name, Name, StringComparison.Ordinal),
                PinNameMatch.IExact => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase),
                PinNameMatch.Partial => name.Contains(Name, StringComparison.Ordinal),
                _ => name.Contains(Name, StringComparison.OrdinalIgnoreCase),
            };
            if (!matched)
            {
                return false;
            }
        }

        return Meta.All(m => pin.Pin.Meta.TryGetValue(m.Key, out var value) && string.Equals(value, m.Value, StringComparison.Ordinal));
    }

    private static List<Cid> ParseCids(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length is 0 or > MaxCids || items.Any(i => i.Length == 0))
        {
            throw new PinRequestException($"cid must list 1 to {MaxCids} CIDs separated by commas.");
        }

        var cids = new List<Cid>();
        foreach (var item in items.Distinct(StringComparer.Ordinal))
        {
            cids.Add(Cid.TryParse(item, out var cid, out var error) ? cid : throw new PinRequestException($"cid '{item}' is not a valid CID: {error}"));
        }

        return cids;
    }

    private static string? ParseName(string? name) => name is { Length: > PinSpec.MaxNameLength }
        ? throw new PinRequestException($"name must be at most {PinSpec.MaxNameLength} characters.")
        : name;

    private static PinNameMatch ParseMatch(string? text) => text switch
    {
        null or "exact" => PinNameMatch.Exact,
        "iexact" => PinNameMatch.IExact,
        "partial" => PinNameMatch.Partial,
        "ipartial" => PinNameMatch.IPartial,
        _ => throw new PinRequestException($"match must be one of exact, iexact, partial, ipartial; not '{text}'."),
    };

    private static HashSet<PinRequestStatus>? ParseStatuses(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var statuses = new HashSet<PinRequestStatus>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            statuses.Add(PinRequestStatuses.TryParse(item, out var status)
                ? status
                : throw new PinRequestException($"status must list queued, pinning, pinned or failed separated by commas; '{item}' is none of them."));
        }

        return statuses;
    }

    private static DateTimeOffset? ParseTime(string parameter, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new PinRequestException($"{parameter} must be an RFC 3339 date-time such as 2020-07-27T17:32:28Z; not '{text}'.");
        }

        return time;
    }

    private static int ParseLimit(string? text)
    {
        if (text is null)
        {
            return DefaultLimit;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw new PinRequestException($"limit must be an integer from 1 to {MaxLimit}; not '{text}'.");
    }

    private static Dictionary<string, string> ParseMeta(string? text)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null)
        {
            return meta;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PinRequestException("meta must be a JSON object of strings, such as {\"app_id\":\"99986338\"}.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                meta[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : throw new PinRequestException($"meta values must be strings; '{property.Name}' is not.");
            }
        }
        catch (JsonException e)
        {
            throw new PinRequestException("meta must be a JSON object of strings, such as {\"app_id\":\"99986338\"}.", e);
        }

        return meta;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
