using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Builds a basic (single-block, non-HAMT) UnixFS directory (https://specs.ipfs.tech/unixfs/, "dag-pb Directory"):
/// <c>PBNode{Links=[{Hash, Name, Tsize}…], Data=UnixFS{Type=Directory}}</c>, links sorted by the bytes of their
/// UTF-8 names as go-merkledag sorts them (https://ipld.io/specs/codecs/dag-pb/spec/#link-sorting). This gives
/// Kubo's <c>--wrap-with-directory</c> CIDs (spec/standards.md §4).
/// </summary>
/// <remarks>
/// HAMT sharding is not implemented: a directory whose size by the profile's estimate exceeds
/// <see cref="UnixFsProfile.HamtShardingThreshold"/> (where Kubo would shard it) is rejected with
/// <see cref="NotSupportedException"/> rather than given a CID Kubo would not produce.
/// </remarks>
internal sealed class UnixFsDirectoryBuilder
{
    // UnixFS{Type=Directory}.
    private static readonly byte[] DirectoryData = [0x08, 0x01];

    private readonly UnixFsProfile _profile;
    private readonly List<(byte[] NameBytes, DagPbLink Link)> _entries = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>A builder that writes the directory with <paramref name="profile"/>'s CID version and size estimate.</summary>
    public UnixFsDirectoryBuilder(UnixFsProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _profile = profile;
    }

    /// <summary>The entries added so far.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds an entry.</summary>
    /// <param name="name">The entry name: not empty, no <c>/</c>, not <c>.</c> or <c>..</c>, unique in the directory.</param>
    /// <param name="cid">The entry's root CID.</param>
    /// <param name="dagSize">The entry's cumulative DAG size (its <see cref="UnixFsFileResult.DagSize"/>), written as the link's Tsize.</param>
    public void Add(string name, Cid cid, ulong dagSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new ArgumentException($"\"{name}\" is not a valid directory entry name.", nameof(name));
        }

        if (cid.IsEmpty)
        {
            throw new ArgumentException("The entry needs a CID.", nameof(cid));
        }

        if (!_names.Add(name))
        {
            throw new ArgumentException($"The directory already has an entry named \"{name}\".", nameof(name));
        }

        byte[] nameBytes;
        try
        {
            nameBytes = ProtobufWriter.StrictUtf8.GetBytes(name);
        }
        catch (System.Text.EncoderFallbackException e)
        {
            _names.Remove(name);
            throw new ArgumentException($"The entry name is not valid Unicode: {e.Message}", nameof(name), e);
        }

        _entries.Add((nameBytes, new DagPbLink(cid, name, dagSize)));
    }

    /// <summary>Encodes the directory, hands its block to <paramref name="sink"/>, and returns its CID.</summary>
    /// <exception cref="NotSupportedException">The directory is over the HAMT threshold (sharding is not supported).</exception>
    public UnixFsDirectoryResult Build(IBlockSink? sink = null)
    {
        _entries.Sort(static (a, b) => a.NameBytes.AsSpan().SequenceCompareTo(b.NameBytes));
        var links = new DagPbLink[_entries.Count];
        ulong estimate = 0, tsizes = 0;
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = _entries[i].Link;
            estimate += (ulong)(_entries[i].NameBytes.Length + links[i].Hash.ByteLength);
            tsizes += links[i].Tsize!.Value;
        }

        var length = DagPbCodec.GetEncodedLength(links, DirectoryData, hasData: true);
        if (_profile.DirectorySizeEstimation == DirectorySizeEstimation.Block)
        {
            estimate = (ulong)length;
        }

        if (estimate > UnixFsProfile.HamtShardingThreshold)
        {
            throw new NotSupportedException(
                $"A directory of {links.Length} entries measures {estimate} bytes ({_profile.DirectorySizeEstimation} estimate), over the " +
                $"{UnixFsProfile.HamtShardingThreshold}-byte threshold where Kubo shards it into a HAMT; HAMT directories are not supported.");
        }

        var block = new byte[length];
        DagPbCodec.Encode(links, DirectoryData, hasData: true, block);
        var cid = Cid.Compute(_profile.CidVersion, Multicodec.DagPb, block);
        sink?.Put(cid, block);
        return new UnixFsDirectoryResult(cid, block, (ulong)length + tsizes);
    }
}
