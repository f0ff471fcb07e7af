namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// The UnixFS <c>Data</c> message carried in a dag-pb node's Data (https://specs.ipfs.tech/unixfs/;
/// spec/standards.md §4): type, inline data, file size, the children's sizes, HAMT parameters, and the
/// optional UnixFS 1.5 mode and mtime.
/// </summary>
internal sealed record UnixFsData
{
    /// <summary>The node type.</summary>
    public required UnixFsDataType Type { get; init; }

    /// <summary>Inline file bytes (File/Raw), the symlink target, or the HAMT bitfield; null when absent.</summary>
    public ReadOnlyMemory<byte>? Data { get; init; }

    /// <summary>The file bytes under this node; null when absent (read as 0).</summary>
    public ulong? FileSize { get; init; }

    /// <summary>The file bytes under each link, in link order.</summary>
    public IReadOnlyList<ulong> BlockSizes { get; init; } = [];

    /// <summary>The HAMT hash function (murmur3-x64-64, 0x22).</summary>
    public ulong? HashType { get; init; }

    /// <summary>The HAMT fanout.</summary>
    public ulong? Fanout { get; init; }

    /// <summary>The POSIX mode bits (UnixFS 1.5).</summary>
    public uint? Mode { get; init; }

    /// <summary>The modification time (UnixFS 1.5).</summary>
    public UnixFsTime? ModificationTime { get; init; }
}
