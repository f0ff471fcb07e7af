using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Resolves a content path <c>/ipfs/{cid}/a/b</c> through named links of UnixFS directories, basic and HAMT
/// (https://specs.ipfs.tech/http-gateways/path-gateway/, "Traversing through UnixFS"). Only the blocks needed to
/// traverse are read; the terminal block itself is not. Expected failures (no such entry, a file where a directory
/// should be, a missing block) come back as values, never as exceptions.
/// </summary>
internal sealed class UnixFsPathResolver
{
    private readonly IBlockGetter _blocks;
    private readonly bool _verify;
    private readonly UnixFsDirectoryReader _directories;

    /// <summary>A resolver over <paramref name="blocks"/>, verifying each block against its CID unless told not to.</summary>
    public UnixFsPathResolver(IBlockGetter blocks, bool verifyBlocks = true)
    {
        _blocks = blocks ?? throw new ArgumentNullException(nameof(blocks));
        _verify = verifyBlocks;
        _directories = new UnixFsDirectoryReader(blocks, verifyBlocks);
    }

    /// <summary>Follows <paramref name="segments"/> (entry names, none empty) from <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">A block on the way is corrupt or not well-formed.</exception>
    public async Task<UnixFsPathResult> ResolveAsync(Cid root, IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var roots = new List<Cid> { root };
        var pathBlocks = new List<ContentBlock>();
        var current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var block = await LoadAsync(current, cancellationToken);
            var failed = new UnixFsPathResult(current, roots, pathBlocks) { FailedSegment = i };
            if (block is not { } bytes)
            {
                return failed with
                {
                    Failure = UnixFsPathFailure.BlockMissing,
                    MissingBlock = current,
                    Message = $"cannot resolve \"{segment}\": block {current} is not available",
                };
            }

            switch (UnixFsNodeKinds.Of(current, bytes))
            {
                case UnixFsNodeKind.File or UnixFsNodeKind.Symlink:
                    return failed with
                    {
                        Failure = UnixFsPathFailure.NotADirectory,
                        Message = $"cannot resolve \"{segment}\": {current} is a file, not a directory",
                    };
                case UnixFsNodeKind.Other:
                    return failed with
                    {
                        Failure = UnixFsPathFailure.UnsupportedCodec,
                        Message = $"cannot resolve \"{segment}\": path traversal through {Multicodec.Describe(current.Codec)} block {current} is not supported",
                    };
            }

            if (!current.IsIdentity)
            {
                pathBlocks.Add(new ContentBlock(current, bytes));
            }

            var (entry, shards) = await _directories.FindAsync(current, bytes, segment, cancellationToken);
            if (entry is not { } link)
            {
                return failed with
                {
                    Failure = UnixFsPathFailure.NoSuchLink,
                    Message = $"no link named \"{segment}\" under {current}",
                };
            }

            pathBlocks.AddRange(shards);
            current = link.Hash;
            roots.Add(current);
        }

        return new UnixFsPathResult(current, roots, pathBlocks);
    }

    private async ValueTask<ReadOnlyMemory<byte>?> LoadAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (cid.IsIdentity)
        {
            return cid.Digest.ToArray();
        }

        var block = await _blocks.GetBlockAsync(cid, cancellationToken);
        if (block is { } bytes && _verify)
        {
            BlockVerifier.Verify(cid, bytes.Span);
        }

        return block;
    }
}
