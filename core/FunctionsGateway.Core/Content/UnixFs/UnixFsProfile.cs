using System.Globalization;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// The settings that decide a UnixFS file's CID: CID version, fixed chunk size, links per node, raw leaves, and
/// the directory-size estimate. The presets are the IPIP-499 profiles (https://specs.ipfs.tech/ipips/ipip-0499/;
/// spec/standards.md §4) and Kubo's <c>ipfs add</c> defaults; the layout is always balanced and the hash sha2-256.
/// </summary>
internal sealed record UnixFsProfile
{
    /// <summary>Kubo's default chunk, <c>size-262144</c> (256 KiB).</summary>
    public const int DefaultChunkSize = 262_144;

    /// <summary>The largest <c>size-N</c> Kubo accepts: 2 MiB − 256 B, keeping blocks under the 2 MiB bitswap limit.</summary>
    public const int MaxChunkSize = 2_096_896;

    /// <summary>Kubo's default links per node: 8192 / (34 + 8 + 5) = 174 (boxo <c>helpers.go</c>).</summary>
    public const int DefaultMaxLinks = 174;

    /// <summary>The most links per node accepted here; keeps a parent block well under 1 MiB.</summary>
    public const int MaxMaxLinks = 16_384;

    /// <summary>A directory larger than this (by the profile's estimate) would be HAMT-sharded.</summary>
    public const int HamtShardingThreshold = 262_144;

    /// <summary>CID version of dag-pb nodes, 0 or 1 (default 0, Kubo's <c>DefaultCidVersion</c>). Raw leaves are always CIDv1.</summary>
    public int CidVersion { get; init; }

    /// <summary>Bytes per leaf, 1 … <see cref="MaxChunkSize"/> (default <see cref="DefaultChunkSize"/>).</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>Links per internal node, 2 … <see cref="MaxMaxLinks"/> (default <see cref="DefaultMaxLinks"/>).</summary>
    public int MaxLinks { get; init; } = DefaultMaxLinks;

    /// <summary>Leaves as raw (0x55) blocks instead of dag-pb UnixFS File nodes (default false).</summary>
    public bool RawLeaves { get; init; }

    /// <summary>How directory size is measured against the HAMT threshold (default <see cref="DirectorySizeEstimation.Links"/>).</summary>
    public DirectorySizeEstimation DirectorySizeEstimation { get; init; }

    /// <summary><c>unixfs-v0-2015</c>: Kubo's default up to v0.39 — CIDv0, 256 KiB, 174 links, dag-pb leaves.</summary>
    public static UnixFsProfile UnixFsV0_2015 { get; } = new();

    /// <summary><c>unixfs-v1-2025</c>: CIDv1, 1 MiB, 1024 links, raw leaves, block-size directory estimate.</summary>
    public static UnixFsProfile UnixFsV1_2025 { get; } = new()
    {
        CidVersion = 1,
        ChunkSize = 1_048_576,
        MaxLinks = 1024,
        RawLeaves = true,
        DirectorySizeEstimation = DirectorySizeEstimation.Block,
    };

    /// <summary>The codec of leaf blocks.</summary>
    public ulong LeafCodec => RawLeaves ? Multicodec.Raw : Multicodec.DagPb;

    /// <summary>The CID version of leaf blocks (raw blocks cannot be CIDv0).</summary>
    public int LeafCidVersion => RawLeaves ? 1 : CidVersion;

    /// <summary>
    /// Kubo's <c>ipfs add</c> settings for the given flags: 174 links, and <c>--raw-leaves</c> defaulting to true
    /// when <c>--cid-version=1</c> ("CIDv1 automatically enables raw-leaves"), false otherwise; an explicit value wins.
    /// </summary>
    public static UnixFsProfile ForKubo(int cidVersion = 0, int chunkSize = DefaultChunkSize, bool? rawLeaves = null)
    {
        var profile = new UnixFsProfile
        {
            CidVersion = cidVersion,
            ChunkSize = chunkSize,
            RawLeaves = rawLeaves ?? cidVersion == 1,
        };
        profile.Validate();
        return profile;
    }

    /// <summary>Reads a Kubo chunker string; only <c>size-N</c> is supported (rabin and buzhash are not).</summary>
    public static bool TryParseChunker(string? chunker, out int chunkSize, out string? error)
    {
        chunkSize = 0;
        error = null;
        if (string.IsNullOrEmpty(chunker) || chunker == "default")
        {
            chunkSize = DefaultChunkSize;
            return true;
        }

        if (!chunker.StartsWith("size-", StringComparison.Ordinal))
        {
            error = $"unsupported chunker \"{chunker}\": only size-N is supported";
            return false;
        }

        if (!int.TryParse(chunker.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out chunkSize)
            || chunkSize < 1 || chunkSize > MaxChunkSize)
        {
            error = $"chunker \"{chunker}\": N must be a whole number from 1 to {MaxChunkSize}";
            return false;
        }

        return true;
    }

    /// <summary>Throws unless every setting is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (CidVersion is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CidVersion), CidVersion, "CID version must be 0 or 1.");
        }

        if (ChunkSize is < 1 or > MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, $"Chunk size must be from 1 to {MaxChunkSize} bytes (size-N).");
        }

        if (MaxLinks is < 2 or > MaxMaxLinks)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLinks), MaxLinks, $"Links per node must be from 2 to {MaxMaxLinks}.");
        }

        if (!Enum.IsDefined(DirectorySizeEstimation))
        {
            throw new ArgumentOutOfRangeException(nameof(DirectorySizeEstimation), DirectorySizeEstimation, "Unknown directory size estimation.");
        }
    }
}
