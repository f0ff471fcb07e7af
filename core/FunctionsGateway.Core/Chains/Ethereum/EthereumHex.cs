using System.Globalization;
using System.Numerics;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// The two hex encodings of the Ethereum JSON-RPC API (https://ethereum.org/developers/docs/apis/json-rpc#hex-encoding):
/// unformatted data (<c>0x</c> + two digits per byte, <c>0x</c> when empty) and quantities (<c>0x</c> + the
/// shortest digits, <c>0x0</c> for zero).
/// </summary>
public static class EthereumHex
{
    /// <summary><c>0x</c> + lower-case hex of the bytes.</summary>
    public static string EncodeData(ReadOnlySpan<byte> data) => "0x" + Convert.ToHexStringLower(data);

    /// <summary>Decodes <c>0x</c>-prefixed data with an even number of digits; <see cref="FormatException"/> otherwise.</summary>
    public static byte[] DecodeData(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || hex.Length % 2 != 0)
        {
            throw new FormatException($"'{Shorten(hex)}' is not 0x-prefixed hex data with whole bytes.");
        }

        return Convert.FromHexString(hex.AsSpan(2));
    }

    /// <summary>A quantity: <c>0x</c> + hex without leading zeros.</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Quantities are non-negative.");
        }

        return value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    /// <summary>Decodes a quantity (leading zeros tolerated, as some nodes send them).</summary>
    public static BigInteger DecodeQuantity(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || hex.Length == 2)
        {
            throw new FormatException($"'{Shorten(hex)}' is not a 0x-prefixed hex quantity.");
        }

        return BigInteger.Parse("0" + hex[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
