using System.Buffers.Binary;
using System.Numerics;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// XXH64 (Collet, "xxHash fast digest algorithm", doc/xxhash_spec.md, XXH64 section): stripes of
/// 32 bytes into four accumulators, then 8-, 4- and 1-byte tails, then the avalanche.
/// </summary>
public static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    public static ulong Hash(ReadOnlySpan<byte> input, ulong seed = 0)
    {
        var length = (ulong)input.Length;
        ulong acc;
        var offset = 0;
        if (input.Length >= 32)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            for (; offset <= input.Length - 32; offset += 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(input[offset..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(input[(offset + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(input[(offset + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(input[(offset + 24)..]));
            }

            acc = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) +
                  BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            acc = MergeAccumulator(acc, v1);
            acc = MergeAccumulator(acc, v2);
            acc = MergeAccumulator(acc, v3);
            acc = MergeAccumulator(acc, v4);
        }
        else
        {
            acc = seed + Prime5;
        }

        acc += length;
        for (; offset <= input.Length - 8; offset += 8)
        {
            acc ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(input[offset..]));
            acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
        }

        if (offset <= input.Length - 4)
        {
            acc ^= BinaryPrimitives.ReadUInt32LittleEndian(input[offset..]) * Prime1;
            acc = (BitOperations.RotateLeft(acc, 23) * Prime2) + Prime3;
            offset += 4;
        }

        for (; offset < input.Length; offset++)
        {
            acc ^= input[offset] * Prime5;
            acc = BitOperations.RotateLeft(acc, 11) * Prime1;
        }

        acc ^= acc >> 33;
        acc *= Prime2;
        acc ^= acc >> 29;
        acc *= Prime3;
        acc ^= acc >> 32;
        return acc;
    }

    private static ulong Round(ulong acc, ulong lane)
    {
        acc += lane * Prime2;
        acc = BitOperations.RotateLeft(acc, 31);
        return acc * Prime1;
    }

    private static ulong MergeAccumulator(ulong acc, ulong lane)
    {
        acc ^= Round(0, lane);
        return (acc * Prime1) + Prime4;
    }
}
