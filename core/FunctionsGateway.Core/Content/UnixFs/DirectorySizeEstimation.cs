namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// How a profile measures a basic directory against the 256 KiB HAMT threshold (IPIP-499; spec/standards.md §4).
/// </summary>
internal enum DirectorySizeEstimation
{
    /// <summary>Σ (name bytes + CID bytes) over the links (<c>unixfs-v0-2015</c>).</summary>
    Links,

    /// <summary>The serialized directory block length (<c>unixfs-v1-2025</c>).</summary>
    Block,
}
