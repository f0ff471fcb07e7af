namespace FunctionsGateway.Core.Chains.Substrate;

/// <summary>The <c>0x</c>-prefixed lowercase hex that Substrate's JSON-RPC uses for bytes.</summary>
public static class HexString
{
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Parses hex with or without <c>0x</c>; throws <see cref="FormatException"/> when invalid.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        return Convert.FromHexString(digits);
    }
}
