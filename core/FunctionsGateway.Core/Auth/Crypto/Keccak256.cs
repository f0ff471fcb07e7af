using System.Buffers.Binary;
using System.Numerics;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it: the Keccak[c=512] sponge of the SHA-3 submission with its original
/// <c>pad10*1</c> padding (domain byte <c>0x01</c>), not FIPS 202 SHA3-256 (domain byte <c>0x06</c>).
/// The permutation is Keccak-f[1600] from FIPS 202 §3 (https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.202.pdf),
/// written out over 25 locals so that the JIT keeps the state in registers.
/// </summary>
public static class Keccak256
{
    /// <summary>The digest length in bytes.</summary>
    public const int HashLength = 32;

    // Rate of Keccak[c=512]: (1600 - 512) / 8 bytes.
    private const int Rate = 136;

    // The round constants RC[i] of FIPS 202 Algorithm 6, derived from the rc(t) LFSR at start-up.
    private static readonly ulong[] RoundConstants = ComputeRoundConstants();

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashLength];
        Hash(data, hash);
        return hash;
    }

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashLength)
        {
            throw new ArgumentException("The destination needs 32 bytes.", nameof(destination));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            Permute(state);
            data = data[Rate..];
        }

        // Last block: the remaining bytes, then pad10*1 with the Keccak domain bit (0x01 ... 0x80).
        Span<byte> block = stackalloc byte[Rate];
        block.Clear();
        data.CopyTo(block);
        block[data.Length] ^= 0x01;
        block[Rate - 1] ^= 0x80;
        Absorb(state, block);
        Permute(state);

        for (var i = 0; i < HashLength / 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
    }

    /// <summary>Keccak-f[1600]: 24 rounds of θ, ρ, π, χ, ι over lanes a[x + 5y].</summary>
    internal static void Permute(Span<ulong> state)
    {
        ulong a0 = state[0], a1 = state[1], a2 = state[2], a3 = state[3], a4 = state[4];
        ulong a5 = state[5], a6 = state[6], a7 = state[7], a8 = state[8], a9 = state[9];
        ulong a10 = state[10], a11 = state[11], a12 = state[12], a13 = state[13], a14 = state[14];
        ulong a15 = state[15], a16 = state[16], a17 = state[17], a18 = state[18], a19 = state[19];
        ulong a20 = state[20], a21 = state[21], a22 = state[22], a23 = state[23], a24 = state[24];

        foreach (var roundConstant in RoundConstants)
        {
            // θ: column parities C[x] and D[x] = C[x-1] ^ rot(C[x+1], 1).
            // ρ and π together: B[y, 2x+3y] = rot(A[x,y] ^ D[x], r[x,y]).
            // χ: A[x,y] = B[x,y] ^ (~B[x+1,y] & B[x+2,y]). ι follows the block.
            ulong c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            ulong c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            ulong c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            ulong c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            ulong c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            ulong b0 = a0 ^ d0;
            ulong b1 = BitOperations.RotateLeft(a6 ^ d1, 44);
            ulong b2 = BitOperations.RotateLeft(a12 ^ d2, 43);
            ulong b3 = BitOperations.RotateLeft(a18 ^ d3, 21);
            ulong b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            ulong b5 = BitOperations.RotateLeft(a3 ^ d3, 28);
            ulong b6 = BitOperations.RotateLeft(a9 ^ d4, 20);
            ulong b7 = BitOperations.RotateLeft(a10 ^ d0, 3);
            ulong b8 = BitOperations.RotateLeft(a16 ^ d1, 45);
            ulong b9 = BitOperations.RotateLeft(a22 ^ d2, 61);
            ulong b10 = BitOperations.RotateLeft(a1 ^ d1, 1);
            ulong b11 = BitOperations.RotateLeft(a7 ^ d2, 6);
            ulong b12 = BitOperations.RotateLeft(a13 ^ d3, 25);
            ulong b13 = BitOperations.RotateLeft(a19 ^ d4, 8);
            ulong b14 = BitOperations.RotateLeft(a20 ^ d0, 18);
            ulong b15 = BitOperations.RotateLeft(a4 ^ d4, 27);
            ulong b16 = BitOperations.RotateLeft(a5 ^ d0, 36);
            ulong b17 = BitOperations.RotateLeft(a11 ^ d1, 10);
            ulong b18 = BitOperations.RotateLeft(a17 ^ d2, 15);
            ulong b19 = BitOperations.RotateLeft(a23 ^ d3, 56);
            ulong b20 = BitOperations.RotateLeft(a2 ^ d2, 62);
            ulong b21 = BitOperations.RotateLeft(a8 ^ d3, 55);
            ulong b22 = BitOperations.RotateLeft(a14 ^ d4, 39);
            ulong b23 = BitOperations.RotateLeft(a15 ^ d0, 41);
            ulong b24 = BitOperations.RotateLeft(a21 ^ d1, 2);
            a0 = b0 ^ (~b1 & b2);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a5 = b5 ^ (~b6 & b7);
            a6 = b6 ^ (~b7 & b8);
            a7 = b7 ^ (~b8 & b9);
            a8 = b8 ^ (~b9 & b5);
            a9 = b9 ^ (~b5 & b6);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a0 ^= roundConstant;
        }

        state[0] = a0; state[1] = a1; state[2] = a2; state[3] = a3; state[4] = a4;
        state[5] = a5; state[6] = a6; state[7] = a7; state[8] = a8; state[9] = a9;
        state[10] = a10; state[11] = a11; state[12] = a12; state[13] = a13; state[14] = a14;
        state[15] = a15; state[16] = a16; state[17] = a17; state[18] = a18; state[19] = a19;
        state[20] = a20; state[21] = a21; state[22] = a22; state[23] = a23; state[24] = a24;
    }

    private static ulong[] ComputeRoundConstants()
    {
        // FIPS 202 Algorithm 5: rc(t) is the output of the LFSR x^8 + x^6 + x^5 + x^4 + 1.
        static bool Rc(int t)
        {
            if (t % 255 == 0)
            {
                return true;
            }

            // R[k] is bit k; R = 10000000 to start, each step R = 0 || R then R[0,4,5,6] ^= R[8] (mask 0x171).
            uint r = 0x01;
            for (var i = 1; i <= t % 255; i++)
            {
                r <<= 1;
                if ((r & 0x100) != 0)
                {
                    r ^= 0x171;
                }
            }

            return (r & 0x01) != 0;
        }

        // Algorithm 6: RC[i] has bit 2^j - 1 set to rc(j + 7i) for j = 0..6.
        var constants = new ulong[24];
        for (var round = 0; round < 24; round++)
        {
            for (var j = 0; j <= 6; j++)
            {
                if (Rc(j + (7 * round)))
                {
                    constants[round] |= 1UL << ((1 << j) - 1);
                }
            }
        }

        return constants;
    }
}
