namespace FunctionsGateway.Core.Content.Multiformats;

/// <summary>
/// The multicodec codes this library knows (https://github.com/multiformats/multicodec, <c>table.csv</c>).
/// </summary>
internal static class Multicodec
{
    /// <summary>The identity multihash: the "digest" is the content itself.</summary>
    public const ulong Identity = 0x00;

    /// <summary>The sha2-256 multihash function.</summary>
    public const ulong Sha2_256 = 0x12;

    /// <summary>The sha2-512 multihash function (recognised, not computed).</summary>
    public const ulong Sha2_512 = 0x13;

    /// <summary>Raw binary blocks (UnixFS raw leaves and single-block files).</summary>
    public const ulong Raw = 0x55;

    /// <summary>MerkleDAG protobuf (UnixFS nodes).</summary>
    public const ulong DagPb = 0x70;

    /// <summary>MerkleDAG CBOR.</summary>
    public const ulong DagCbor = 0x71;

    /// <summary>Plain CBOR (no links).</summary>
    public const ulong Cbor = 0x51;

    /// <summary>MerkleDAG JSON.</summary>
    public const ulong DagJson = 0x0129;

    /// <summary>Plain JSON (no links).</summary>
    public const ulong Json = 0x0200;

    /// <summary>The length of a sha2-256 digest.</summary>
    public const int Sha2_256Length = 32;

    /// <summary>A short human name for a multicodec code, for error messages.</summary>
    public static string Describe(ulong code) => code switch
    {
        Identity => "identity (0x00)",
        Sha2_256 => "sha2-256 (0x12)",
        Sha2_512 => "sha2-512 (0x13)",
        Raw => "raw (0x55)",
        DagPb => "dag-pb (0x70)",
        DagCbor => "dag-cbor (0x71)",
        Cbor => "cbor (0x51)",
        DagJson => "dag-json (0x129)",
        Json => "json (0x200)",
        _ => $"0x{code:x}",
    };
}
