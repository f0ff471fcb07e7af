using System.Globalization;

namespace FunctionsGateway.Core.Http;

/// <summary>
/// A single-range <c>Range: bytes=…</c> request resolved against a representation's length
/// (RFC 9110 §14.1.2, §14.2). Several ranges are treated as none: the server may ignore a Range header
/// (§14.2), and answering the whole representation is always valid.
/// </summary>
public readonly record struct ByteRangeRequest(ByteRangeKind Kind, long Offset, long Length)
{
    public static ByteRangeRequest None => new(ByteRangeKind.None, 0, 0);

    /// <summary>Resolves <paramref name="header"/> (the Range value, or null) for a representation of <paramref name="totalLength"/> bytes.</summary>
    public static ByteRangeRequest Parse(string? header, long totalLength)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return None;
        }

        var value = header.Trim();
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        var spec = value["bytes=".Length..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal))
        {
            return None;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return None;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            // Suffix range: the last N bytes.
            if (!TryParse(last, out var suffix))
            {
                return None;
            }

            if (suffix == 0 || totalLength == 0)
            {
                return Unsatisfiable;
            }

            var length = Math.Min(suffix, totalLength);
            return new ByteRangeRequest(ByteRangeKind.Satisfiable, totalLength - length, length);
        }

        if (!TryParse(first, out var start))
        {
            return None;
        }

        long end;
        if (last.Length == 0)
        {
            end = totalLength - 1;
        }
        else if (!TryParse(last, out end) || end < start)
        {
            return None;
        }

        if (start >= totalLength)
        {
            return Unsatisfiable;
        }

        end = Math.Min(end, totalLength - 1);
        return new ByteRangeRequest(ByteRangeKind.Satisfiable, start, end - start + 1);
    }

    /// <summary>The <c>Content-Range</c> value for this range of <paramref name="totalLength"/> bytes.</summary>
    public string ContentRange(long totalLength) => Kind == ByteRangeKind.Satisfiable
        ? string.Create(CultureInfo.InvariantCulture, $"bytes {Offset}-{Offset + Length - 1}/{totalLength}")
        : string.Create(CultureInfo.InvariantCulture, $"bytes */{totalLength}");

    private static ByteRangeRequest Unsatisfiable => new(ByteRangeKind.Unsatisfiable, 0, 0);

    private static bool TryParse(string digits, out long value) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <summary>What a Range header asks for.</summary>
public enum ByteRangeKind
{
    /// <summary>No (usable) range: answer 200 with everything.</summary>
    None,

    /// <summary>Answer 206 with <see cref="ByteRangeRequest.Offset"/> and <see cref="ByteRangeRequest.Length"/>.</summary>
    Satisfiable,

    /// <summary>Answer 416 with <c>Content-Range: bytes */length</c>.</summary>
    Unsatisfiable,
}
