using System.Security.Cryptography;

namespace FunctionsGateway.Core.Uploads.Tus;

/// <summary>
/// A tus <c>Upload-Checksum</c> (https://tus.io/protocols/resumable-upload#checksum): an algorithm name, a space,
/// and the base64 digest of the PATCH body. Only <c>sha256</c> is served. Pure: parse, then verify a body's
/// digest with <see cref="Matches"/>.
/// </summary>
public sealed class TusChecksum
{
    public const string Sha256 = "sha256";

    private readonly byte[] _expected;
    private readonly HashAlgorithmName _hashAlgorithm;

    private TusChecksum(string algorithm, HashAlgorithmName hashAlgorithm, byte[] expected)
    {
        Algorithm = algorithm;
        _hashAlgorithm = hashAlgorithm;
        _expected = expected;
    }

    public string Algorithm { get; }

    /// <summary>Parses the header. An unsupported algorithm or a malformed value is refused (tus: 400).</summary>
    public static bool TryParse(string? header, out TusChecksum? checksum, out string error)
    {
        checksum = null;
        error = "";
        var parts = (header ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = "Upload-Checksum must be an algorithm and a base64 digest separated by a space.";
            return false;
        }

        if (!string.Equals(parts[0], Sha256, StringComparison.OrdinalIgnoreCase))
        {
            error = $"The checksum algorithm '{parts[0]}' is not supported; use {TusProtocol.ChecksumAlgorithms}.";
            return false;
        }

        var expected = new byte[parts[1].Length];
        if (!Convert.TryFromBase64String(parts[1], expected, out var written) || written != SHA256.HashSizeInBytes)
        {
            error = "The Upload-Checksum digest is not the base64 of a SHA-256 digest.";
            return false;
        }

        checksum = new TusChecksum(Sha256, HashAlgorithmName.SHA256, expected[..written]);
        return true;
    }

    /// <summary>A fresh incremental hash of this checksum's algorithm, for one body.</summary>
    public IncrementalHash CreateHash() => IncrementalHash.CreateHash(_hashAlgorithm);

    /// <summary>True when <paramref name="digest"/> is the digest the client announced (compared in constant time).</summary>
    public bool Matches(ReadOnlySpan<byte> digest) => CryptographicOperations.FixedTimeEquals(digest, _expected);
}
