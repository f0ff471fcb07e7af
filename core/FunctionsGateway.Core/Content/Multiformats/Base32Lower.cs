namespace FunctionsGateway.Core.Content.Multiformats;

/// <summary>
/// RFC 4648 base32, lower-case alphabet, no padding: the multibase <c>b</c> encoding
/// (https://github.com/multiformats/multibase, <c>rfc4648.md</c>). Decoding is canonical: it rejects other
/// characters, impossible lengths and non-zero trailing bits, so every byte string has one spelling.
/// </summary>
internal static class Base32Lower
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The characters <paramref name="byteCount"/> bytes encode to.</summary>
    public static int GetEncodedLength(int byteCount) => (int)(((long)byteCount * 8 + 4) / 5);

    /// <summary>Writes the encoding of <paramref name="source"/>; <paramref name="destination"/> holds <see cref="GetEncodedLength"/> chars.</summary>
    public static void Encode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        ulong buffer = 0;
        var bits = 0;
        var o = 0;
        foreach (var b in source)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                destination[o++] = Alphabet[(int)(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            destination[o] = Alphabet[(int)(buffer << (5 - bits)) & 31];
        }
    }

    /// <summary>Decodes <paramref name="source"/>; returns null on success or the reason it is not canonical base32.</summary>
    public static string? TryDecode(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        var trailingBits = source.Length * 5 % 8;
        if (trailingBits >= 5)
        {
            return $"base32 text of {source.Length} characters is not a whole number of bytes";
        }

        ulong buffer = 0;
        var bits = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            int v = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (v < 0)
            {
                return $"invalid base32 character '{c}' at position {i}";
            }

            buffer = (buffer << 5) | (uint)v;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                destination[bytesWritten++] = (byte)(buffer >> bits);
            }
        }

        if ((buffer & ((1UL << bits) - 1)) != 0)
        {
            return "base32 text has non-zero trailing bits (not canonical)";
        }

        return null;
    }
}
