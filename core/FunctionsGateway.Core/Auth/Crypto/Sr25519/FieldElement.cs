using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// An element of GF(2^255 - 19) in radix 2^51 (five 51-bit limbs, little-endian), the representation
/// described for Curve25519 by Bernstein et al., "High-speed high-security signatures" (Ed25519 paper §3)
/// and used by RFC 7748. Limbs may exceed 51 bits between operations; <see cref="ToBytes"/> reduces
/// canonically. Arithmetic is branch-free; exponentiation uses fixed addition chains.
/// </summary>
internal readonly struct FieldElement
{
    private const ulong Mask51 = (1UL << 51) - 1;

    private readonly ulong _l0, _l1, _l2, _l3, _l4;

    private FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
        _l4 = l4;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0, 0);

    public static FieldElement FromUInt64(ulong value) =>
        new(value & Mask51, value >> 51, 0, 0, 0);

    /// <summary>Reads 32 little-endian bytes, ignoring the top bit (RFC 7748 §5 decodeUCoordinate masks it).</summary>
    public static FieldElement FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException("A field element is 32 bytes.", nameof(bytes));
        }

        var w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        var w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        var w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new FieldElement(
            w0 & Mask51,
            ((w0 >> 51) | (w1 << 13)) & Mask51,
            ((w1 >> 38) | (w2 << 26)) & Mask51,
            ((w2 >> 25) | (w3 << 39)) & Mask51,
            (w3 >> 12) & Mask51);
    }

    /// <summary>The canonical 32-byte little-endian encoding (value fully reduced below p).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[32];
        WriteBytes(bytes);
        return bytes;
    }

    public void WriteBytes(Span<byte> destination)
    {
        var t = Carry(this);
        ulong l0 = t._l0, l1 = t._l1, l2 = t._l2, l3 = t._l3, l4 = t._l4;

        // Now value < 2^255 + small; compute q = 1 if value >= p, by adding 19 and looking at bit 255.
        var q = (l0 + 19) >> 51;
        q = (l1 + q) >> 51;
        q = (l2 + q) >> 51;
        q = (l3 + q) >> 51;
        q = (l4 + q) >> 51;

        // value - q·p = value + 19q - q·2^255: add 19q, carry, and drop bit 255.
        l0 += 19 * q;
        CarryChain(ref l0, ref l1, ref l2, ref l3, ref l4);
        l4 &= Mask51;

        BinaryPrimitives.WriteUInt64LittleEndian(destination, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (l3 >> 39) | (l4 << 12));
    }

    /// <summary>RFC 9496 §4.1 IS_NEGATIVE: the least significant bit of the canonical encoding.</summary>
    public bool IsNegative
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            WriteBytes(bytes);
            return (bytes[0] & 1) == 1;
        }
    }

    public bool IsZero
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            WriteBytes(bytes);
            var acc = 0;
            foreach (var b in bytes)
            {
                acc |= b;
            }

            return acc == 0;
        }
    }

    /// <summary>Constant-time comparison of canonical encodings.</summary>
    public bool ValueEquals(FieldElement other)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        WriteBytes(a);
        other.WriteBytes(b);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);
    }

    public static FieldElement operator +(FieldElement a, FieldElement b) =>
        Carry(new FieldElement(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4));

    public static FieldElement operator -(FieldElement a, FieldElement b)
    {
        // Add 16p first so that limbs never underflow (inputs are carried, below 2^52).
        const ulong p0x16 = 36028797018963664UL; // 16 * (2^51 - 19)
        const ulong pix16 = 36028797018963952UL; // 16 * (2^51 - 1)
        var bb = Carry(b);
        return Carry(new FieldElement(
            a._l0 + p0x16 - bb._l0,
            a._l1 + pix16 - bb._l1,
            a._l2 + pix16 - bb._l2,
            a._l3 + pix16 - bb._l3,
            a._l4 + pix16 - bb._l4));
    }

    public static FieldElement operator -(FieldElement a) => Zero - a;

    public static FieldElement operator *(FieldElement a, FieldElement b)
    {
        // Schoolbook product with the reduction 2^255 = 19 folded in: limb i*j with i+j >= 5 is multiplied by 19.
        ulong a0 = a._l0, a1 = a._l1, a2 = a._l2, a3 = a._l3, a4 = a._l4;
        ulong b0 = b._l0, b1 = b._l1, b2 = b._l2, b3 = b._l3, b4 = b._l4;
        ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;

        var c0 = M(a0, b0) + M(a1, b4x19) + M(a2, b3x19) + M(a3, b2x19) + M(a4, b1x19);
        var c1 = M(a0, b1) + M(a1, b0) + M(a2, b4x19) + M(a3, b3x19) + M(a4, b2x19);
        var c2 = M(a0, b2) + M(a1, b1) + M(a2, b0) + M(a3, b4x19) + M(a4, b3x19);
        var c3 = M(a0, b3) + M(a1, b2) + M(a2, b1) + M(a3, b0) + M(a4, b4x19);
        var c4 = M(a0, b4) + M(a1, b3) + M(a2, b2) + M(a3, b1) + M(a4, b0);
        return Reduce(c0, c1, c2, c3, c4);
    }

    public FieldElement Square() => this * this;

    /// <summary>this^(2^k).</summary>
    public FieldElement SquareTimes(int k)
    {
        var r = this;
        for (var i = 0; i < k; i++)
        {
            r = r.Square();
        }

        return r;
    }

    /// <summary>Multiplicative inverse, this^(p-2) (zero maps to zero).</summary>
    public FieldElement Invert()
    {
        // p - 2 = 2^255 - 21 = (2^250 - 1) * 2^5 + 11
        var (t250, z11) = Pow22501();
        return t250.SquareTimes(5) * z11;
    }

    /// <summary>this^((p-5)/8) = this^(2^252 - 3), used by SQRT_RATIO_M1 (RFC 9496 §4.2).</summary>
    public FieldElement Pow2523()
    {
        var (t250, _) = Pow22501();
        return t250.SquareTimes(2) * this;
    }

    /// <summary>Returns (this^(2^250 - 1), this^11) by the usual addition chain.</summary>
    private (FieldElement T250, FieldElement Z11) Pow22501()
    {
        var z2 = Square();
        var z9 = z2.SquareTimes(2) * this;
        var z11 = z9 * z2;
        var z2_5_0 = z11.Square() * z9;               // 2^5 - 1
        var z2_10_0 = z2_5_0.SquareTimes(5) * z2_5_0;  // 2^10 - 1
        var z2_20_0 = z2_10_0.SquareTimes(10) * z2_10_0;
        var z2_40_0 = z2_20_0.SquareTimes(20) * z2_20_0;
        var z2_50_0 = z2_40_0.SquareTimes(10) * z2_10_0;
        var z2_100_0 = z2_50_0.SquareTimes(50) * z2_50_0;
        var z2_200_0 = z2_100_0.SquareTimes(100) * z2_100_0;
        var z2_250_0 = z2_200_0.SquareTimes(50) * z2_50_0;
        return (z2_250_0, z11);
    }

    /// <summary>Returns <paramref name="b"/> when <paramref name="choice"/> is true, else <paramref name="a"/>, without branching.</summary>
    public static FieldElement Select(FieldElement a, FieldElement b, bool choice)
    {
        var mask = 0UL - (ulong)(choice ? 1 : 0);
        return new FieldElement(
            a._l0 ^ (mask & (a._l0 ^ b._l0)),
            a._l1 ^ (mask & (a._l1 ^ b._l1)),
            a._l2 ^ (mask & (a._l2 ^ b._l2)),
            a._l3 ^ (mask & (a._l3 ^ b._l3)),
            a._l4 ^ (mask & (a._l4 ^ b._l4)));
    }

    /// <summary>RFC 9496 CT_ABS: the non-negative of ±this.</summary>
    public FieldElement Abs() => Select(this, -this, IsNegative);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 M(ulong a, ulong b) => (UInt128)a * b;

    private static FieldElement Reduce(UInt128 c0, UInt128 c1, UInt128 c2, UInt128 c3, UInt128 c4)
    {
        c1 += (ulong)(c0 >> 51);
        var r0 = (ulong)c0 & Mask51;
        c2 += (ulong)(c1 >> 51);
        var r1 = (ulong)c1 & Mask51;
        c3 += (ulong)(c2 >> 51);
        var r2 = (ulong)c2 & Mask51;
        c4 += (ulong)(c3 >> 51);
        var r3 = (ulong)c3 & Mask51;
        var carry = (ulong)(c4 >> 51);
        var r4 = (ulong)c4 & Mask51;
        r0 += carry * 19;
        r1 += r0 >> 51;
        r0 &= Mask51;
        return new FieldElement(r0, r1, r2, r3, r4);
    }

    private static FieldElement Carry(FieldElement a)
    {
        ulong l0 = a._l0, l1 = a._l1, l2 = a._l2, l3 = a._l3, l4 = a._l4;
        CarryChain(ref l0, ref l1, ref l2, ref l3, ref l4);
        l0 += (l4 >> 51) * 19;
        l4 &= Mask51;
        l1 += l0 >> 51;
        l0 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }

    /// <summary>Moves each limb's bits above 51 into the next limb (the top limb keeps its overflow).</summary>
    private static void CarryChain(ref ulong l0, ref ulong l1, ref ulong l2, ref ulong l3, ref ulong l4)
    {
        l1 += l0 >> 51;
        l0 &= Mask51;
        l2 += l1 >> 51;
        l1 &= Mask51;
        l3 += l2 >> 51;
        l2 &= Mask51;
        l4 += l3 >> 51;
        l3 &= Mask51;
    }
}
