using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FunctionsGateway.Core.Content.Dag;

/// <summary>
/// The trustless gateway's <c>entity-bytes=from:to</c> (https://specs.ipfs.tech/http-gateways/trustless-gateway/;
/// spec/standards.md §5.3): inclusive byte offsets of a file, where <c>to</c> may be <c>*</c> (the end) and either
/// may be negative (counted from the end), e.g. <c>-1024:*</c> or <c>499:-1000</c>.
/// </summary>
/// <param name="From">The first byte; negative counts from the end.</param>
/// <param name="To">The last byte, inclusive; negative counts from the end; null for <c>*</c>.</param>
internal readonly record struct EntityBytes(long From, long? To)
{
    /// <summary>Reads <c>from:to</c>; false with the reason when it is not one.</summary>
    public static bool TryParse(string? text, out EntityBytes value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0 || text.IndexOf(':', colon + 1) >= 0)
        {
            error = $"entity-bytes \"{text}\" is not from:to";
            return false;
        }

        if (!TryParseOffset(text[..colon], out var from))
        {
            error = $"entity-bytes \"{text}\": from must be an integer";
            return false;
        }

        long? to = null;
        var toText = text[(colon + 1)..];
        if (toText != "*")
        {
            if (!TryParseOffset(toText, out var parsed))
            {
                error = $"entity-bytes \"{text}\": to must be an integer or *";
                return false;
            }

            to = parsed;
        }

        // Offsets of one sign are comparable before the size is known; mixed signs are resolved later.
        if (to is { } end && (from >= 0) == (end >= 0) && from > end)
        {
            error = $"entity-bytes \"{text}\": from is after to";
            return false;
        }

        value = new EntityBytes(from, to);
        error = null;
        return true;
    }

    /// <summary>The range within a file of <paramref name="size"/> bytes.</summary>
    public EntityByteRange Resolve(ulong size)
    {
        var length = (long)Math.Min(size, long.MaxValue);
        if (From >= 0 && From >= length && length > 0)
        {
            return new EntityByteRange(EntityByteRangeKind.Outside, 0, 0);
        }

        var start = From >= 0 ? From : Math.Max(0, length + From);
        var end = To switch
        {
            null => length - 1,
            >= 0 and var to => Math.Min(to, length - 1),
            var to => length + to.Value,
        };
        return length == 0 || end < start
            ? new EntityByteRange(EntityByteRangeKind.Empty, 0, 0)
            : new EntityByteRange(EntityByteRangeKind.Range, (ulong)start, (ulong)(end - start + 1));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From}:{(To is { } to ? to.ToString(CultureInfo.InvariantCulture) : "*")}");

    private static bool TryParseOffset(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}

/// <summary>What an <see cref="EntityBytes"/> request comes to for a file of known size.</summary>
internal enum EntityByteRangeKind
{
    /// <summary>Bytes [Offset, Offset + Length) of the file.</summary>
    Range,

    /// <summary>A zero-length range: the answer is the entity's root block alone (dag-scope=block).</summary>
    Empty,

    /// <summary>The range starts past the end of the file: a 400, since it is known before streaming.</summary>
    Outside,
}

/// <summary>A resolved <see cref="EntityBytes"/>.</summary>
internal readonly record struct EntityByteRange(EntityByteRangeKind Kind, ulong Offset, ulong Length);
