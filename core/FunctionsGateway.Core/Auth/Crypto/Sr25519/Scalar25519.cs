using System.Numerics;

namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// Integers modulo the group order ℓ = 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4,
/// RFC 8032 §5.1), as 32-byte little-endian arrays. Sign and verify use a handful of these per call.
/// </summary>
internal static class Scalar25519
{
    /// <summary>ℓ, the order of the ristretto255 group.</summary>
    public static readonly BigInteger Order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reduces little-endian bytes of any length (32 or 64 in practice) modulo ℓ.</summary>
    public static byte[] Reduce(ReadOnlySpan<byte> littleEndian) => ToBytes(ToInteger(littleEndian) % Order);

    /// <summary>True when the 32 bytes encode an integer below ℓ (schnorrkel <c>Scalar::from_canonical_bytes</c>).</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> littleEndian) =>
        littleEndian.Length == 32 && ToInteger(littleEndian) < Order;

    /// <summary>(a·b + c) mod ℓ.</summary>
    public static byte[] MultiplyAdd(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c) =>
        ToBytes(((ToInteger(a) * ToInteger(b)) + ToInteger(c)) % Order);

    /// <summary>(-a) mod ℓ.</summary>
    public static byte[] Negate(ReadOnlySpan<byte> a) => ToBytes((Order - (ToInteger(a) % Order)) % Order);

    private static BigInteger ToInteger(ReadOnlySpan<byte> littleEndian) =>
        new(littleEndian, isUnsigned: true, isBigEndian: false);

    private static byte[] ToBytes(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }
}
