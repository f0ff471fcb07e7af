namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>
/// Options of <c>add</c> (spec/standards.md §4; https://docs.ipfs.tech/reference/kubo/rpc/#api-v0-add). A null option
/// is not sent, so the node's own default (or its <c>Import.*</c> config) applies.
/// </summary>
internal sealed record KuboAddOptions
{
    /// <summary>The file name in the multipart body and in the answer. Default <c>file</c>.</summary>
    public string FileName { get; init; } = "file";

    /// <summary><c>cid-version</c>: 0 or 1.</summary>
    public int? CidVersion { get; init; }

    /// <summary><c>raw-leaves</c>. Send it explicitly: Kubo turns it on for CIDv1 by default.</summary>
    public bool? RawLeaves { get; init; }

    /// <summary><c>chunker</c>, e.g. <c>size-262144</c>.</summary>
    public string? Chunker { get; init; }

    /// <summary><c>pin</c> (the node pins by default).</summary>
    public bool? Pin { get; init; }

    /// <summary><c>only-hash</c>: compute the CID without storing.</summary>
    public bool? OnlyHash { get; init; }

    /// <summary><c>hash</c>, e.g. <c>sha2-256</c>.</summary>
    public string? Hash { get; init; }

    /// <summary><c>max-file-links</c> (Kubo ≥ 0.35). Nodes without it ignore it silently (js-ipfs), so only send it where supported.</summary>
    public int? MaxFileLinks { get; init; }

    /// <summary><c>progress</c>: the node interleaves <c>{"Name","Bytes"}</c> lines, which the client skips.</summary>
    public bool? Progress { get; init; }
}

/// <summary>
/// Options of <c>block/put</c>. Kubo ≥ 0.13 takes <c>cid-codec</c> (and <c>format</c> only as a legacy alias);
/// js-ipfs takes <c>format</c> and <c>version</c>. A null option is not sent.
/// </summary>
internal sealed record KuboBlockPutOptions
{
    /// <summary><c>cid-codec</c>, e.g. <c>raw</c>, <c>dag-pb</c> (Kubo).</summary>
    public string? CidCodec { get; init; }

    /// <summary><c>format</c>, e.g. <c>raw</c>, <c>dag-pb</c> (js-ipfs; legacy in Kubo).</summary>
    public string? Format { get; init; }

    /// <summary><c>mhtype</c>, e.g. <c>sha2-256</c>.</summary>
    public string? MultihashType { get; init; }

    /// <summary><c>version</c>: the CID version (js-ipfs).</summary>
    public int? CidVersion { get; init; }

    /// <summary><c>pin</c>.</summary>
    public bool? Pin { get; init; }
}
