using System.Buffers.Binary;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Inversion modulo secp256k1's group order n by the binary extended Euclidean algorithm (Handbook of Applied
/// Cryptography, Algorithm 14.61 specialised to an odd modulus), on four 64-bit limbs without allocating.
/// Not constant-time: it only ever sees public values (the r of a signature being recovered).
/// </summary>
internal static class Secp256k1ScalarInverse
{
    // n, little-endian limbs.
    private static readonly ulong[] N = [0xBFD25E8CD0364141UL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL];

    /// <summary>Writes a⁻¹ mod n (32 bytes, big-endian) for 0 &lt; a &lt; n given as 32 big-endian bytes.</summary>
    public static void Invert(ReadOnlySpan<byte> value, Span<byte> inverse)
    {
        Span<ulong> u = stackalloc ulong[4];
        Span<ulong> v = stackalloc ulong[4];
        Span<ulong> x1 = stackalloc ulong[4];
        Span<ulong> x2 = stackalloc ulong[4];
        Read(value, u);
        N.CopyTo(v);
        x1.Clear();
        x1[0] = 1;
        x2.Clear();

        // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = 1 throughout.
        while (!IsOne(u) && !IsOne(v))
        {
            while ((u[0] & 1) == 0)
            {
                ShiftRight(u, 0);
                Halve(x1);
            }

            while ((v[0] & 1) == 0)
            {
                ShiftRight(v, 0);
                Halve(x2);
            }

            if (Compare(u, v) >= 0)
            {
                Subtract(u, v);
                SubtractModN(x1, x2);
            }
            else
            {
                Subtract(v, u);
                SubtractModN(x2, x1);
            }
        }

        Write(IsOne(u) ? x1 : x2, inverse);
    }

    // x / 2 mod n: halve an even x; for odd x, halve x + n (257 bits, so the carry comes back in at the top).
    private static void Halve(Span<ulong> x)
    {
        if ((x[0] & 1) == 0)
        {
            ShiftRight(x, 0);
            return;
        }

        var carry = Add(x, N);
        ShiftRight(x, carry);
    }

    private static void SubtractModN(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        if (Subtract(x, y) != 0)
        {
            Add(x, N);
        }
    }

    private static ulong Add(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong carry = 0;
        for (var i = 0; i < 4; i++)
        {
            var sum = x[i] + y[i];
            var carryOut = sum < x[i] ? 1UL : 0UL;
            sum += carry;
            carryOut += sum < carry ? 1UL : 0UL;
            x[i] = sum;
            carry = carryOut;
        }

        return carry;
    }

    private static ulong Subtract(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong borrow = 0;
        for (var i = 0; i < 4; i++)
        {
            var difference = x[i] - y[i] - borrow;
            borrow = ((~x[i] & y[i]) | (~(x[i] ^ y[i]) & difference)) >> 63;
            x[i] = difference;
        }

        return borrow;
    }

    private static void ShiftRight(Span<ulong> x, ulong topBit)
    {
        x[0] = (x[0] >> 1) | (x[1] << 63);
        x[1] = (x[1] >> 1) | (x[2] << 63);
        x[2] = (x[2] >> 1) | (x[3] << 63);
        x[3] = (x[3] >> 1) | (topBit << 63);
    }

    private static int Compare(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        for (var i = 3; i >= 0; i--)
        {
            if (x[i] != y[i])
            {
                return x[i] > y[i] ? 1 : -1;
            }
        }

        return 0;
    }

    private static bool IsOne(ReadOnlySpan<ulong> x) => x[0] == 1 && (x[1] | x[2] | x[3]) == 0;

    private static void Read(ReadOnlySpan<byte> bigEndian, Span<ulong> limbs)
    {
        for (var i = 0; i < 4; i++)
        {
            limbs[i] = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[((3 - i) * 8)..]);
        }
    }

    private static void Write(ReadOnlySpan<ulong> limbs, Span<byte> bigEndian)
    {
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bigEndian[((3 - i) * 8)..], limbs[i]);
        }
    }
}
