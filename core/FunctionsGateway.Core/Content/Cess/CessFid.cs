using System.Security.Cryptography;

namespace FunctionsGateway.Core.Content.Cess;

/// <summary>
/// The CESS file id as DeOSS computes it today (spec/cess.md §2.1–§2.2, compat.md §1b.4; cess-go-sdk
/// <c>core/process</c> and <c>core/hashtree</c>): the content is cut into 32 MiB segments, the last one
/// zero-padded to 32 MiB; each segment is hashed with SHA-256; the fid is the root of a pairwise Merkle tree
/// over the raw 32-byte segment hashes (an odd last element is paired with itself; at least one level, so a
/// single segment gives <c>sha256(h ‖ h)</c>), as 64 lowercase hex digits. Pure.
/// </summary>
public static class CessFid
{
    /// <summary>The segment size, <c>SEGMENT_SIZE</c> = 32 MiB.</summary>
    public const int SegmentSize = 32 * 1024 * 1024;

    /// <summary>Length of a fid in characters.</summary>
    public const int Length = 64;

    /// <summary>The Merkle root of segment hashes (each 32 bytes), as DeOSS's hash tree builds it.</summary>
    public static byte[] MerkleRoot(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            throw new ArgumentException("A Merkle tree needs at least one leaf.", nameof(leaves));
        }

        var level = leaves.ToList();
        Span<byte> pair = stackalloc byte[64];
        do
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                level[i].CopyTo(pair);
                level[Math.Min(i + 1, level.Count - 1)].CopyTo(pair[32..]);
                next.Add(SHA256.HashData(pair));
            }

            level = next;
        }
        while (level.Count > 1);

        return level[0];
    }

    /// <summary>The fid of <paramref name="content"/> held in memory (tests and small inputs; uploads use <see cref="CessFidHasher"/>).</summary>
    public static string Compute(ReadOnlySpan<byte> content)
    {
        using var hasher = new CessFidHasher();
        hasher.Append(content);
        return hasher.Complete();
    }

    /// <summary>True for 64 lowercase or uppercase hex digits.</summary>
    public static bool IsWellFormed(string? fid) => fid is { Length: Length } && fid.All(char.IsAsciiHexDigit);
}
