namespace FunctionsGateway.Core.Content.Multiformats;

/// <summary>
/// The multiformats unsigned varint (https://github.com/multiformats/unsigned-varint): LEB128, at most nine
/// bytes (63 bits), and minimally encoded. Used by CIDs, multihashes and CAR section lengths.
/// </summary>
internal static class UnsignedVarint
{
    /// <summary>The longest varint the spec allows.</summary>
    public const int MaxLength = 9;

    /// <summary>The largest value nine bytes hold (2^63 − 1).</summary>
    public const ulong MaxValue = long.MaxValue;

    /// <summary>How many bytes <paramref name="value"/> takes.</summary>
    public static int GetByteCount(ulong value)
    {
        // 1 + floor(bits/7): LeadingZeroCount gives the bit length in one instruction.
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(value | 1);
        return (bits + 6) / 7;
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value exceeds <see cref="MaxValue"/>.</exception>
    public static int Write(Span<byte> destination, ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a varint from the start of <paramref name="source"/>.</summary>
    public static VarintReadStatus TryRead(ReadOnlySpan<byte> source, out ulong value, out int bytesRead)
    {
        value = 0;
        bytesRead = 0;
        for (var i = 0; i < MaxLength; i++)
        {
            if (i >= source.Length)
            {
                return VarintReadStatus.Truncated;
            }

            var b = source[i];
            value |= (ulong)(b & 0x7f) << (7 * i);
            if (b < 0x80)
            {
                if (b == 0 && i > 0)
                {
                    value = 0;
                    return VarintReadStatus.Overlong;
                }

                bytesRead = i + 1;
                return VarintReadStatus.Ok;
            }
        }

        // Nine bytes, all with the continuation bit: the value needs a tenth.
        value = 0;
        return VarintReadStatus.Overflow;
    }

    /// <summary>Reads a varint or throws a <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static ulong Read(ReadOnlySpan<byte> source, string what, out int bytesRead)
    {
        var status = TryRead(source, out var value, out bytesRead);
        return status == VarintReadStatus.Ok ? value : throw new FormatException(Describe(status, what));
    }

    /// <summary>A sentence for a failed read of <paramref name="what"/>.</summary>
    public static string Describe(VarintReadStatus status, string what) => status switch
    {
        VarintReadStatus.Truncated => $"{what}: varint is truncated",
        VarintReadStatus.Overlong => $"{what}: varint is not minimally encoded",
        VarintReadStatus.Overflow => $"{what}: varint is longer than {MaxLength} bytes",
        _ => $"{what}: ok",
    };
}
