using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace FunctionsGateway.Core.Tests.Content.Support;

/// <summary>
/// The ChaCha20 keystream (RFC 8439 §2.3–2.4, IETF variant: 32-byte key, 12-byte nonce, 32-bit block counter),
/// used as Kubo's seeded deterministic input (spec/standards.md §4, <c>random_deterministic.go</c>): key =
/// SHA-256(seed), zero nonce, counter from 0. .NET's ChaCha20Poly1305 cannot produce it (its keystream starts at 1).
/// </summary>
internal sealed class ChaCha20Keystream
{
    private readonly uint[] _state = new uint[16];
    private readonly byte[] _block = new byte[64];
    private int _used = 64;

    public ChaCha20Keystream(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter)
    {
        _state[0] = 0x61707865;
        _state[1] = 0x3320646e;
        _state[2] = 0x79622d32;
        _state[3] = 0x6b206574;
        for (var i = 0; i < 8; i++)
        {
            _state[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(4 * i)..]);
        }

        _state[12] = counter;
        for (var i = 0; i < 3; i++)
        {
            _state[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce[(4 * i)..]);
        }
    }

    /// <summary>Kubo's seeded stream: key = SHA-256(seed), zero nonce, counter 0.</summary>
    public static ChaCha20Keystream FromSeed(string seed) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), new byte[12], 0);

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="seed"/>'s stream.</summary>
    public static byte[] Bytes(string seed, int length)
    {
        var bytes = new byte[length];
        FromSeed(seed).Fill(bytes);
        return bytes;
    }

    /// <summary>Writes the next keystream bytes.</summary>
    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_used == 64)
            {
                if (destination.Length >= 64)
                {
                    // Whole blocks go straight to the destination.
                    NextBlock(destination);
                    destination = destination[64..];
                    continue;
                }

                NextBlock(_block);
                _used = 0;
            }

            var take = Math.Min(64 - _used, destination.Length);
            _block.AsSpan(_used, take).CopyTo(destination);
            _used += take;
            destination = destination[take..];
        }
    }

    private void NextBlock(Span<byte> output)
    {
        Span<uint> x = stackalloc uint[16];
        _state.CopyTo(x);
        for (var round = 0; round < 10; round++)
        {
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 1, 5, 9, 13);
            QuarterRound(x, 2, 6, 10, 14);
            QuarterRound(x, 3, 7, 11, 15);
            QuarterRound(x, 0, 5, 10, 15);
            QuarterRound(x, 1, 6, 11, 12);
            QuarterRound(x, 2, 7, 8, 13);
            QuarterRound(x, 3, 4, 9, 14);
        }

        for (var i = 0; i < 16; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output[(4 * i)..], x[i] + _state[i]);
        }

        _state[12]++;
    }

    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        x[a] += x[b];
        x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 7);
    }
}
