using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// The options of Kubo's <c>/api/v0/add</c> this gateway honours (https://docs.ipfs.tech/reference/kubo/rpc/#api-v0-add;
/// spec/standards.md §4), with Kubo's defaults: CIDv0, <c>size-262144</c>, 174 links per node, raw leaves when
/// <c>cid-version=1</c> unless <c>raw-leaves</c> says otherwise, sha2-256, pin. Options that change the DAG in ways
/// this gateway cannot reproduce (trickle, inline, other hashes, the filestore) are refused rather than ignored,
/// since ignoring them would answer a CID Kubo would not.
/// </summary>
internal sealed record AddParameters
{
    /// <summary>How the files' DAGs are built (and so their CIDs).</summary>
    public required UnixFsProfile Profile { get; init; }

    /// <summary>Pin the added roots for the caller (default true).</summary>
    public bool Pin { get; init; } = true;

    /// <summary>Compute the CIDs only: nothing is staged, stored, recorded or pinned.</summary>
    public bool OnlyHash { get; init; }

    /// <summary>Wrap the added files in a directory, answered last with an empty name.</summary>
    public bool WrapWithDirectory { get; init; }

    /// <summary>Interleave progress events (bytes read so far) with the results.</summary>
    public bool Progress { get; init; }

    /// <summary>Answer nothing (Kubo's <c>silent</c>); <c>quiet</c> and <c>quieter</c> only shape the CLI's text, not the RPC stream.</summary>
    public bool Silent { get; init; }

    /// <summary>Reads the query string.</summary>
    /// <exception cref="RpcRequestException">An option is malformed or asks for something unsupported.</exception>
    public static AddParameters Parse(RpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var unsupported in new[] { "trickle", "inline", "nocopy", "fscache" })
        {
            if (options.Bool(unsupported, false))
            {
                throw new RpcRequestException($"option \"{unsupported}\" is not supported by this gateway");
            }
        }

        if (!string.IsNullOrEmpty(options.String("to-files")))
        {
            throw new RpcRequestException("option \"to-files\" is not supported by this gateway (it has no MFS)");
        }

        var hash = options.String("hash");
        if (hash is not (null or "" or "sha2-256"))
        {
            throw new RpcRequestException($"hash function \"{hash}\" is not supported by this gateway (only sha2-256 is)");
        }

        var version = options.Int64OrNull("cid-version") ?? 0;
        if (version is not (0 or 1))
        {
            throw new RpcRequestException($"unknown CID version {version} (cid-version must be 0 or 1)");
        }

        if (!UnixFsProfile.TryParseChunker(options.String("chunker"), out var chunkSize, out var chunkerError))
        {
            throw new RpcRequestException(chunkerError!);
        }

        var maxLinks = options.Int64OrNull("max-file-links") ?? UnixFsProfile.DefaultMaxLinks;
        if (maxLinks is < 2 or > UnixFsProfile.MaxMaxLinks)
        {
            throw new RpcRequestException($"max-file-links {maxLinks} is outside 2…{UnixFsProfile.MaxMaxLinks}");
        }

        return new AddParameters
        {
            Profile = UnixFsProfile.ForKubo((int)version, chunkSize, options.BoolOrNull("raw-leaves")) with { MaxLinks = (int)maxLinks },
            Pin = options.Bool("pin", true),
            OnlyHash = options.Bool("only-hash", false),
            WrapWithDirectory = options.Bool("wrap-with-directory", false),
            Progress = options.Bool("progress", false),
            Silent = options.Bool("silent", false),
        };
    }
}
