using System.Buffers.Binary;
using System.Numerics;

namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// The Keccak-f[1600] permutation (FIPS 202 §3.2–§3.3: θ, ρ, π, χ, ι over 24 rounds) on a 200-byte
/// state whose lanes are little-endian 64-bit words, as STROBE uses it.
/// </summary>
internal static class KeccakF1600
{
    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    // ρ offsets indexed by lane x + 5y (FIPS 202 Table 2).
    private static readonly int[] Rotations =
    [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ];

    public static void Permute(Span<byte> state)
    {
        Span<ulong> a = stackalloc ulong[25];
        for (var i = 0; i < 25; i++)
        {
            a[i] = BinaryPrimitives.ReadUInt64LittleEndian(state[(8 * i)..]);
        }

        Span<ulong> c = stackalloc ulong[5];
        Span<ulong> b = stackalloc ulong[25];
        for (var round = 0; round < 24; round++)
        {
            // θ
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var dx = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[x + y] ^= dx;
                }
            }

            // ρ and π: B[y, 2x+3y] = rot(A[x, y], r[x, y])
            for (var x = 0; x < 5; x++)
            {
                for (var y = 0; y < 5; y++)
                {
                    b[y + (5 * (((2 * x) + (3 * y)) % 5))] = BitOperations.RotateLeft(a[x + (5 * y)], Rotations[x + (5 * y)]);
                }
            }

            // χ
            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    a[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & b[((x + 2) % 5) + y]);
                }
            }

            // ι
            a[0] ^= RoundConstants[round];
        }

        for (var i = 0; i < 25; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(state[(8 * i)..], a[i]);
        }
    }
}
