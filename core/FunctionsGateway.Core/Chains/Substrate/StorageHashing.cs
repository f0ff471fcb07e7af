using System.Buffers.Binary;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Substrate;

/// <summary>
/// Substrate's hashing of storage keys (sp-crypto-hashing <c>twox_64/128/256</c>, <c>blake2_128/256</c>;
/// frame-support <c>StorageHasher</c> implementations): TwoX-N is N/64 xxHash64 digests with seeds
/// 0, 1, … written little-endian one after another; the <c>…Concat</c> hashers append the key itself.
/// </summary>
public static class StorageHashing
{
    public static byte[] Twox64(ReadOnlySpan<byte> data) => Twox(data, 1);

    public static byte[] Twox128(ReadOnlySpan<byte> data) => Twox(data, 2);

    public static byte[] Twox256(ReadOnlySpan<byte> data) => Twox(data, 4);

    /// <summary>The bytes a key contributes to a storage key under <paramref name="hasher"/>; <paramref name="encodedKey"/> is the SCALE encoding of the key.</summary>
    public static byte[] Hash(StorageHasher hasher, ReadOnlySpan<byte> encodedKey) => hasher switch
    {
        StorageHasher.Blake2_128 => Blake2b.Hash128(encodedKey),
        StorageHasher.Blake2_256 => Blake2b.Hash256(encodedKey),
        StorageHasher.Blake2_128Concat => [.. Blake2b.Hash128(encodedKey), .. encodedKey],
        StorageHasher.Twox128 => Twox128(encodedKey),
        StorageHasher.Twox256 => Twox256(encodedKey),
        StorageHasher.Twox64Concat => [.. Twox64(encodedKey), .. encodedKey],
        StorageHasher.Identity => encodedKey.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "Unknown storage hasher."),
    };

    /// <summary>
    /// The length of the hash part of a hashed key, and whether the key follows it (the "concat" and identity
    /// hashers), so that keys read back from the chain can be split.
    /// </summary>
    public static (int HashLength, bool KeyFollows) Layout(StorageHasher hasher) => hasher switch
    {
        StorageHasher.Blake2_128 => (16, false),
        StorageHasher.Blake2_256 => (32, false),
        StorageHasher.Blake2_128Concat => (16, true),
        StorageHasher.Twox128 => (16, false),
        StorageHasher.Twox256 => (32, false),
        StorageHasher.Twox64Concat => (8, true),
        StorageHasher.Identity => (0, true),
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "Unknown storage hasher."),
    };

    private static byte[] Twox(ReadOnlySpan<byte> data, int words)
    {
        var output = new byte[8 * words];
        for (var seed = 0; seed < words; seed++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(8 * seed), XxHash64.Hash(data, (ulong)seed));
        }

        return output;
    }
}
