using System.Numerics;

namespace FunctionsGateway.Core.Chains.Substrate;

/// <summary>Base58 with the Bitcoin alphabet (draft-msporny-base58; the alphabet SS58 uses); leading zero bytes become '1's.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var digits = new List<char>();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits.Add(Alphabet[(int)remainder]);
        }

        digits.AddRange(Enumerable.Repeat('1', zeros));
        digits.Reverse();
        return new string([.. digits]);
    }

    /// <summary>Decodes, or returns null when a character is outside the alphabet.</summary>
    public static byte[]? Decode(string text)
    {
        var value = BigInteger.Zero;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 58) + digit;
        }

        var zeros = text.TakeWhile(c => c == '1').Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[zeros], .. body];
    }
}
