using System.CommandLine;
using System.Globalization;

namespace FunctionsGateway.Ctl.Commands.Quotas;

/// <summary>A byte count on the command line: <c>1048576</c>, <c>512KiB</c>, <c>10GiB</c>, <c>2TB</c> (binary and decimal
/// units), or <c>unlimited</c> (null).</summary>
internal static class ByteCount
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L), ("B", 1L),
    ];

    /// <summary>An option that takes a byte count; its value is the text, checked at parse time (read it with
    /// <see cref="Read"/>). A text option because the parser cannot hand back null for <c>unlimited</c>.</summary>
    public static Option<string?> Option(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!TryParse(text, out _))
            {
                result.AddError($"{name}: '{text}' is not a count (e.g. 1048576, 512KiB, 10GiB, 2TB, unlimited).");
            }
        });
        return option;
    }

    /// <summary>The count of an option made by <see cref="Option"/>: null when left out or <c>unlimited</c>.</summary>
    public static long? Read(ParseResult parse, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(option) is { } text && TryParse(text, out var value) ? value : null;
    }

    public static bool TryParse(string text, out long? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        if (text.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        text = text.Trim();
        var (suffix, factor) = Units.FirstOrDefault(u => text.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase));
        var number = suffix is null ? text : text[..^suffix.Length].TrimEnd();
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        try
        {
            value = checked(count * (suffix is null ? 1 : factor));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
