using System.Buffers;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// One fresh hasher of each registered kind for one upload, plus the UnixFS builder that computes its CID with
/// <see cref="Profile"/>: every byte goes to all of them, in order.
/// </summary>
internal sealed class ContentDigestSet : IDisposable
{
    private readonly List<IContentHasher> _hashers;
    private readonly UnixFsFileBuilder _dag;

    public ContentDigestSet(IEnumerable<IContentHasherFactory> factories, UnixFsProfile profile)
    {
        _hashers = factories.Select(f => f.Create()).ToList();
        Profile = profile;
        _dag = new UnixFsFileBuilder(profile);
    }

    /// <summary>How the CID is computed.</summary>
    public UnixFsProfile Profile { get; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _dag.Append(data);
        foreach (var hasher in _hashers)
        {
            hasher.Append(data);
        }
    }

    /// <summary>Reads <paramref name="source"/> to its end through every hasher with one buffer; returns the byte count.</summary>
    public async Task<long> AppendAllAsync(Stream source, int bufferSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            long total = 0;
            int n;
            while ((n = await source.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken)) > 0)
            {
                Append(buffer.AsSpan(0, n));
                total += n;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The digests by hasher name.</summary>
    public IReadOnlyDictionary<string, string> Complete() => _hashers.ToDictionary(h => h.Name, h => h.Complete(), StringComparer.Ordinal);

    /// <summary>The root CID and DAG size of everything appended (call once, after the last append).</summary>
    public UnixFsFileResult CompleteDag() => _dag.Complete();

    public void Dispose()
    {
        _dag.Dispose();
        foreach (var hasher in _hashers.OfType<IDisposable>())
        {
            hasher.Dispose();
        }
    }
}
