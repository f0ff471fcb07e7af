using System.Security.Cryptography;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Content.Cess;

/// <summary>
/// Computes the <see cref="CessFid"/> while an upload streams (DESIGN.md §4 step 1). Memory stays small
/// whatever the file size: one running SHA-256 for the current segment and 32 bytes per finished segment
/// (at most 1000 segments on CESS, so ≤ 32 KB); the zero padding of the last segment is fed to the hash from
/// a shared read-only block of zeros, never allocated.
/// </summary>
public sealed class CessFidHasher : IContentHasher, IDisposable
{
    /// <summary>The digest's name in <see cref="FileRecord.Digests"/>.</summary>
    public const string DigestName = "cess-fid";

    private static readonly byte[] Zeros = new byte[64 * 1024];

    private readonly IncrementalHash _segment = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<byte[]> _segmentHashes = [];
    private int _inSegment;
    private bool _completed;

    public string Name => DigestName;

    public void Append(ReadOnlySpan<byte> data)
    {
        ThrowIfCompleted();
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, CessFid.SegmentSize - _inSegment);
            _segment.AppendData(data[..take]);
            _inSegment += take;
            data = data[take..];
            if (_inSegment == CessFid.SegmentSize)
            {
                _segmentHashes.Add(_segment.GetHashAndReset());
                _inSegment = 0;
            }
        }
    }

    /// <summary>
    /// The fid. Empty content counts as one all-zero segment: CESS refuses empty files, so it defines no fid for
    /// them; this keeps the digest total.
    /// </summary>
    public string Complete()
    {
        ThrowIfCompleted();
        _completed = true;
        if (_inSegment > 0 || _segmentHashes.Count == 0)
        {
            var padding = CessFid.SegmentSize - _inSegment;
            while (padding > 0)
            {
                var take = Math.Min(padding, Zeros.Length);
                _segment.AppendData(Zeros.AsSpan(0, take));
                padding -= take;
            }

            _segmentHashes.Add(_segment.GetHashAndReset());
        }

        return Convert.ToHexStringLower(CessFid.MerkleRoot(_segmentHashes));
    }

    public void Dispose() => _segment.Dispose();

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The fid has been completed; a hasher serves one upload.");
        }
    }
}

/// <summary>Creates <see cref="CessFidHasher"/>s; the CESS surface adds it to its uploads (<see cref="UploadRequest.AdditionalHashers"/>).</summary>
public sealed class CessFidHasherFactory : IContentHasherFactory
{
    public static readonly CessFidHasherFactory Instance = new();

    public IContentHasher Create() => new CessFidHasher();
}
