using Org.BouncyCastle.Crypto.Digests;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693) with the digest sizes Substrate uses: 128 bits (storage map hasher),
/// 256 bits (extrinsic hashes, BlakeTwo256) and 512 bits (SS58 checksums). Backed by BouncyCastle.
/// </summary>
public static class Blake2b
{
    /// <summary>BLAKE2b with a <paramref name="sizeInBytes"/>-byte digest (1–64).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data, int sizeInBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeInBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sizeInBytes, 64);
        // The (key, digestLength in bytes, salt, personalization) constructor: the int constructor takes bits.
        var digest = new Blake2bDigest(null, sizeInBytes, null, null);
        var input = data.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[sizeInBytes];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] Hash128(ReadOnlySpan<byte> data) => Hash(data, 16);

    public static byte[] Hash256(ReadOnlySpan<byte> data) => Hash(data, 32);

    public static byte[] Hash512(ReadOnlySpan<byte> data) => Hash(data, 64);
}
