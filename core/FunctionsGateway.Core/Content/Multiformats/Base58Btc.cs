namespace FunctionsGateway.Core.Content.Multiformats;

/// <summary>
/// Bitcoin base58: the multibase <c>z</c> encoding and the bare text form of CIDv0
/// (https://datatracker.ietf.org/doc/html/draft-msporny-base58). Leading zero bytes map to leading <c>1</c>s.
/// </summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // ASCII → digit value, -1 for characters outside the alphabet.
    private static readonly sbyte[] DigitValues = BuildDigitValues();

    /// <summary>An upper bound of the characters <paramref name="byteCount"/> bytes encode to (log(256)/log(58) ≈ 1.366).</summary>
    public static int GetMaxEncodedLength(int byteCount) => (byteCount * 138 / 100) + 1;

    /// <summary>An upper bound of the bytes <paramref name="charCount"/> characters decode to (log(58)/log(256) ≈ 0.733).</summary>
    public static int GetMaxDecodedLength(int charCount) => (charCount * 733 / 1000) + 1;

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> (≥ <see cref="GetMaxEncodedLength"/>); returns the chars written.</summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        var zeros = 0;
        while (zeros < source.Length && source[zeros] == 0)
        {
            zeros++;
        }

        // Base-58 digits, least significant first, built by repeated multiply-add over the input bytes.
        var max = GetMaxEncodedLength(source.Length);
        Span<byte> digits = max <= 256 ? stackalloc byte[max] : new byte[max];
        var length = 0;
        for (var i = zeros; i < source.Length; i++)
        {
            int carry = source[i];
            for (var j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        var o = 0;
        for (var i = 0; i < zeros; i++)
        {
            destination[o++] = '1';
        }

        for (var j = length - 1; j >= 0; j--)
        {
            destination[o++] = Alphabet[digits[j]];
        }

        return o;
    }

    /// <summary>Decodes <paramref name="source"/>; returns null on success or the reason it is not base58btc.</summary>
    public static string? TryDecode(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        var zeros = 0;
        while (zeros < source.Length && source[zeros] == '1')
        {
            zeros++;
        }

        // Base-256 digits, least significant first.
        var max = GetMaxDecodedLength(source.Length);
        Span<byte> bytes = max <= 256 ? stackalloc byte[max] : new byte[max];
        var length = 0;
        for (var i = zeros; i < source.Length; i++)
        {
            var c = source[i];
            var v = c < 128 ? DigitValues[c] : -1;
            if (v < 0)
            {
                return $"invalid base58btc character '{c}' at position {i}";
            }

            var carry = v;
            for (var j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }

        if (zeros + length > destination.Length)
        {
            return "base58btc text decodes to more bytes than expected";
        }

        destination[..zeros].Clear();
        for (var j = 0; j < length; j++)
        {
            destination[zeros + j] = bytes[length - 1 - j];
        }

        bytesWritten = zeros + length;
        return null;
    }

    private static sbyte[] BuildDigitValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
