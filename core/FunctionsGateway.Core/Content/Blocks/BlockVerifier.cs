using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// Checks that a block hashes to its CID (https://github.com/multiformats/multihash): sha2-256 is recomputed,
/// an identity multihash must equal the block; other hash functions are not supported.
/// </summary>
internal static class BlockVerifier
{
    /// <summary>Throws unless <paramref name="block"/> is the content <paramref name="cid"/> names.</summary>
    /// <exception cref="InvalidDataException">The block does not match; the message names the CID.</exception>
    /// <exception cref="NotSupportedException">The CID uses a hash function other than sha2-256 or identity.</exception>
    public static void Verify(Cid cid, ReadOnlySpan<byte> block)
    {
        if (!Matches(cid, block))
        {
            throw new InvalidDataException($"Block {cid} does not match its CID: its {block.Length} bytes hash to another digest.");
        }
    }

    /// <summary>True when <paramref name="block"/> is the content <paramref name="cid"/> names.</summary>
    /// <exception cref="NotSupportedException">The CID uses a hash function other than sha2-256 or identity.</exception>
    public static bool Matches(Cid cid, ReadOnlySpan<byte> block)
    {
        switch (cid.HashFunction)
        {
            case Multicodec.Sha2_256:
                Span<byte> digest = stackalloc byte[Multicodec.Sha2_256Length];
                SHA256.HashData(block, digest);
                return digest.SequenceEqual(cid.Digest);
            case Multicodec.Identity:
                return block.SequenceEqual(cid.Digest);
            default:
                throw new NotSupportedException(
                    $"Cannot verify block {cid}: hash function {Multicodec.Describe(cid.HashFunction)} is unsupported (only sha2-256 and identity are).");
        }
    }
}
