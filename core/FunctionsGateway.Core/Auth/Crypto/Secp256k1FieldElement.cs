using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// An element of secp256k1's base field GF(p), p = 2^256 − 2^32 − 977 (SEC 2 §2.4.1), as four 64-bit limbs
/// (little-endian), always fully reduced. Allocation-free; multiplication folds the high half back with
/// 2^256 ≡ 2^32 + 977 (mod p). Used by public-key recovery, the hot path of EIP-191 verification.
/// </summary>
internal readonly struct Secp256k1FieldElement
{
    // 2^256 mod p.
    private const ulong C = 0x1000003D1UL;
    private const ulong P0 = 0xFFFFFFFEFFFFFC2FUL;

    private readonly ulong _l0, _l1, _l2, _l3;

    private Secp256k1FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    public static Secp256k1FieldElement Zero => default;

    public static Secp256k1FieldElement One => new(1, 0, 0, 0);

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    public bool IsOdd => (_l0 & 1) != 0;

    public static Secp256k1FieldElement FromUInt64(ulong value) => new(value, 0, 0, 0);

    /// <summary>Reads 32 big-endian bytes; false when the value is not below p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bigEndian, out Secp256k1FieldElement element)
    {
        element = new Secp256k1FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian));
        return !element.IsAtLeastP();
    }

    public void Write(Span<byte> bigEndian)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian, _l3);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[8..], _l2);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[16..], _l1);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[24..], _l0);
    }

    public static Secp256k1FieldElement operator +(in Secp256k1FieldElement a, in Secp256k1FieldElement b)
    {
        ulong carry = 0;
        var r0 = AddWithCarry(a._l0, b._l0, ref carry);
        var r1 = AddWithCarry(a._l1, b._l1, ref carry);
        var r2 = AddWithCarry(a._l2, b._l2, ref carry);
        var r3 = AddWithCarry(a._l3, b._l3, ref carry);
        var sum = new Secp256k1FieldElement(r0, r1, r2, r3);
        // a + b < 2p: one subtraction of p at most; a carry out of 2^256 means the same (p = 2^256 − C).
        return carry != 0 || sum.IsAtLeastP() ? sum.AddWrapped(C) : sum;
    }

    public static Secp256k1FieldElement operator -(in Secp256k1FieldElement a, in Secp256k1FieldElement b)
    {
        var (r0, borrow) = SubtractWithBorrow(a._l0, b._l0, 0);
        (var r1, borrow) = SubtractWithBorrow(a._l1, b._l1, borrow);
        (var r2, borrow) = SubtractWithBorrow(a._l2, b._l2, borrow);
        (var r3, borrow) = SubtractWithBorrow(a._l3, b._l3, borrow);
        var difference = new Secp256k1FieldElement(r0, r1, r2, r3);
        // On a borrow the limbs hold a − b + 2^256; adding p is subtracting C from that.
        return borrow != 0 ? difference.SubtractWrapped(C) : difference;
    }

    public static Secp256k1FieldElement operator *(in Secp256k1FieldElement a, in Secp256k1FieldElement b)
    {
        // Product scanning (Comba): column k sums a_i·b_j for i + j = k in a three-word accumulator.
        ulong c0 = 0, c1 = 0, c2 = 0;
        MultiplyAccumulate(a._l0, b._l0, ref c0, ref c1, ref c2);
        var t0 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l0, b._l1, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l1, b._l0, ref c0, ref c1, ref c2);
        var t1 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l0, b._l2, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l1, b._l1, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l2, b._l0, ref c0, ref c1, ref c2);
        var t2 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l0, b._l3, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l1, b._l2, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l2, b._l1, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l3, b._l0, ref c0, ref c1, ref c2);
        var t3 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l1, b._l3, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l2, b._l2, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l3, b._l1, ref c0, ref c1, ref c2);
        var t4 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l2, b._l3, ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l3, b._l2, ref c0, ref c1, ref c2);
        var t5 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(a._l3, b._l3, ref c0, ref c1, ref c2);
        var t6 = Shift(ref c0, ref c1, ref c2);
        return Reduce(t0, t1, t2, t3, t4, t5, t6, c0);
    }

    public Secp256k1FieldElement Square()
    {
        // As multiplication, with each cross product a_i·a_j (i ≠ j) computed once and accumulated twice.
        ulong c0 = 0, c1 = 0, c2 = 0;
        MultiplyAccumulate(_l0, _l0, ref c0, ref c1, ref c2);
        var t0 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulateTwice(_l0, _l1, ref c0, ref c1, ref c2);
        var t1 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulateTwice(_l0, _l2, ref c0, ref c1, ref c2);
        MultiplyAccumulate(_l1, _l1, ref c0, ref c1, ref c2);
        var t2 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulateTwice(_l0, _l3, ref c0, ref c1, ref c2);
        MultiplyAccumulateTwice(_l1, _l2, ref c0, ref c1, ref c2);
        var t3 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulateTwice(_l1, _l3, ref c0, ref c1, ref c2);
        MultiplyAccumulate(_l2, _l2, ref c0, ref c1, ref c2);
        var t4 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulateTwice(_l2, _l3, ref c0, ref c1, ref c2);
        var t5 = Shift(ref c0, ref c1, ref c2);
        MultiplyAccumulate(_l3, _l3, ref c0, ref c1, ref c2);
        var t6 = Shift(ref c0, ref c1, ref c2);
        return Reduce(t0, t1, t2, t3, t4, t5, t6, c0);
    }

    public Secp256k1FieldElement Negate() => Zero - this;

    /// <summary>The multiplicative inverse (Fermat: this^(p−2)); zero stays zero.</summary>
    public Secp256k1FieldElement Invert()
    {
        var t = Ones223(out var x2, out var x22).SquareTimes(23) * x22;
        t = t.SquareTimes(5) * this;
        t = t.SquareTimes(3) * x2;
        return t.SquareTimes(2) * this;
    }

    /// <summary>A square root when one exists (p ≡ 3 mod 4, so this^((p+1)/4)); false otherwise.</summary>
    public bool TrySqrt(out Secp256k1FieldElement root)
    {
        var t = Ones223(out var x2, out var x22).SquareTimes(23) * x22;
        t = t.SquareTimes(6) * x2;
        root = t.SquareTimes(2);
        return root.Square().Equals(this);
    }

    public bool Equals(in Secp256k1FieldElement other) =>
        _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    /// <summary>
    /// this^(2^223 − 1), with this^(2^2 − 1) and this^(2^22 − 1) on the way: the shared head of the addition
    /// chains for p − 2 and (p + 1)/4 (the chains libsecp256k1 uses; x_k denotes this^(2^k − 1)).
    /// </summary>
    private Secp256k1FieldElement Ones223(out Secp256k1FieldElement x2, out Secp256k1FieldElement x22)
    {
        x2 = Square() * this;
        var x3 = x2.Square() * this;
        var x6 = x3.SquareTimes(3) * x3;
        var x9 = x6.SquareTimes(3) * x3;
        var x11 = x9.SquareTimes(2) * x2;
        x22 = x11.SquareTimes(11) * x11;
        var x44 = x22.SquareTimes(22) * x22;
        var x88 = x44.SquareTimes(44) * x44;
        var x176 = x88.SquareTimes(88) * x88;
        var x220 = x176.SquareTimes(44) * x44;
        return x220.SquareTimes(3) * x3;
    }

    private Secp256k1FieldElement SquareTimes(int count)
    {
        var result = this;
        for (var i = 0; i < count; i++)
        {
            result = result.Square();
        }

        return result;
    }

    private static Secp256k1FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        // t = L + H·2^256 ≡ L + H·C. H·C reaches at most 34 bits above 2^256; fold those once more.
        var h0 = Math.BigMul(t4, C, out var m0);
        var h1 = Math.BigMul(t5, C, out var m1);
        var h2 = Math.BigMul(t6, C, out var m2);
        var h3 = Math.BigMul(t7, C, out var m3);
        ulong carry = 0;
        var r0 = AddWithCarry(t0, m0, ref carry);
        var r1 = AddWithCarry(t1, m1, ref carry);
        var r2 = AddWithCarry(t2, m2, ref carry);
        var r3 = AddWithCarry(t3, m3, ref carry);
        var high = h3 + carry;
        carry = 0;
        r1 = AddWithCarry(r1, h0, ref carry);
        r2 = AddWithCarry(r2, h1, ref carry);
        r3 = AddWithCarry(r3, h2, ref carry);
        high += carry;

        var hh = Math.BigMul(high, C, out var low);
        carry = 0;
        r0 = AddWithCarry(r0, low, ref carry);
        r1 = AddWithCarry(r1, hh, ref carry);
        r2 = AddWithCarry(r2, 0, ref carry);
        r3 = AddWithCarry(r3, 0, ref carry);
        var reduced = new Secp256k1FieldElement(r0, r1, r2, r3);
        if (carry != 0)
        {
            // Wrapped past 2^256 again: the value is small, so adding C cannot wrap.
            reduced = reduced.AddWrapped(C);
        }

        return reduced.IsAtLeastP() ? reduced.AddWrapped(C) : reduced;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAccumulate(ulong a, ulong b, ref ulong c0, ref ulong c1, ref ulong c2)
    {
        var high = Math.BigMul(a, b, out var low);
        c0 += low;
        high += c0 < low ? 1UL : 0UL; // high ≤ 2^64 − 2, so this cannot overflow
        c1 += high;
        c2 += c1 < high ? 1UL : 0UL;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAccumulateTwice(ulong a, ulong b, ref ulong c0, ref ulong c1, ref ulong c2)
    {
        var high = Math.BigMul(a, b, out var low);
        var top = high >> 63;
        high = (high << 1) | (low >> 63);
        low <<= 1;
        c0 += low;
        var carry = c0 < low ? 1UL : 0UL;
        high += carry;
        top += high < carry ? 1UL : 0UL;
        c1 += high;
        c2 += (c1 < high ? 1UL : 0UL) + top;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Shift(ref ulong c0, ref ulong c1, ref ulong c2)
    {
        var word = c0;
        c0 = c1;
        c1 = c2;
        c2 = 0;
        return word;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        var carryOut = sum < a ? 1UL : 0UL;
        sum += carry;
        carryOut += sum < carry ? 1UL : 0UL;
        carry = carryOut;
        return sum;
    }

    private bool IsAtLeastP() => _l3 == ulong.MaxValue && _l2 == ulong.MaxValue && _l1 == ulong.MaxValue && _l0 >= P0;

    // Adds c modulo 2^256 (used as "subtract p": x − p = x + C − 2^256).
    private Secp256k1FieldElement AddWrapped(ulong c)
    {
        ulong carry = 0;
        var r0 = AddWithCarry(_l0, c, ref carry);
        var r1 = AddWithCarry(_l1, 0, ref carry);
        var r2 = AddWithCarry(_l2, 0, ref carry);
        var r3 = AddWithCarry(_l3, 0, ref carry);
        return new Secp256k1FieldElement(r0, r1, r2, r3);
    }

    // Subtracts c modulo 2^256 (used as "add p": x + p = x − C + 2^256).
    private Secp256k1FieldElement SubtractWrapped(ulong c)
    {
        var (r0, borrow) = SubtractWithBorrow(_l0, c, 0);
        (var r1, borrow) = SubtractWithBorrow(_l1, 0, borrow);
        (var r2, borrow) = SubtractWithBorrow(_l2, 0, borrow);
        (var r3, _) = SubtractWithBorrow(_l3, 0, borrow);
        return new Secp256k1FieldElement(r0, r1, r2, r3);
    }

    private static (ulong Difference, ulong Borrow) SubtractWithBorrow(ulong a, ulong b, ulong borrow)
    {
        var difference = a - b - borrow;
        var nextBorrow = ((~a & b) | (~(a ^ b) & difference)) >> 63;
        return (difference, nextBorrow);
    }
}
