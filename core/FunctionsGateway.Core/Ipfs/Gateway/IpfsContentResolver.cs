using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>
/// Resolves a content path under the gateway's visibility rule: what is in the blockstore is public (only public
/// uploads put blocks there: <c>/api/v0/add</c> and <c>/api/v0/dag/import</c>); a root that is not there yet is
/// readable only through a CID-index entry that is public, or owned by <c>readerId</c> (Kubo's <c>cat</c> of the
/// caller's own private file). A private file of the files API is therefore never served to anyone else by its CID.
/// </summary>
internal sealed class IpfsContentResolver(BlobBlockStore blocks, CidIndex cids, FileIndex files)
{
    private const int CidIndexLookups = 20;

    /// <summary>Resolves <paramref name="path"/>; <paramref name="readerId"/> may also read its own private files.</summary>
    /// <exception cref="InvalidDataException">A block on the way is corrupt or malformed.</exception>
    public async Task<IpfsContent> ResolveAsync(IpfsPath path, string? readerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var resolved = await new UnixFsPathResolver(blocks).ResolveAsync(path.Root, path.Segments, cancellationToken);
        var content = new IpfsContent(path, IpfsContentKind.NotFound) { Terminal = resolved.Terminal, Roots = resolved.Roots, PathBlocks = resolved.PathBlocks };
        switch (resolved.Failure)
        {
            case UnixFsPathFailure.None:
                return await ResolveTerminalAsync(content, readerId, cancellationToken);
            case UnixFsPathFailure.UnsupportedCodec:
                return content with { Kind = IpfsContentKind.Unsupported, Message = resolved.Message };
            case UnixFsPathFailure.BlockMissing:
                // A readable file met where a directory should be (a pending file inside a wrapping directory).
                var file = await FindReadableFileAsync(resolved.MissingBlock, readerId, cancellationToken);
                var segment = path.Segments[resolved.FailedSegment];
                return file is not null
                    ? content with { Message = $"cannot resolve \"{segment}\": {resolved.MissingBlock} is a file, not a directory" }
                    : content with { Message = NotAvailable(resolved.MissingBlock), MissingBlock = resolved.MissingBlock };
            default:
                return content with { Message = resolved.Message };
        }
    }

    /// <summary>Resolves the entry <paramref name="name"/> of a resolved directory (e.g. its <c>index.html</c>); NotFound when absent.</summary>
    public async Task<IpfsContent> ResolveEntryAsync(IpfsContent directory, string name, string? readerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var (entry, shards) = await new UnixFsDirectoryReader(blocks).FindAsync(directory.Terminal, directory.Block, name, cancellationToken);
        var path = directory.Path with { Segments = [.. directory.Path.Segments, name], TrailingSlash = false };
        if (entry is not { } link)
        {
            return new IpfsContent(path, IpfsContentKind.NotFound) { Message = $"no link named \"{name}\" under {directory.Terminal}" };
        }

        List<ContentBlock> pathBlocks = [.. directory.PathBlocks];
        if (!directory.Terminal.IsIdentity)
        {
            pathBlocks.Add(new ContentBlock(directory.Terminal, directory.Block));
        }

        pathBlocks.AddRange(shards);
        var content = new IpfsContent(path, IpfsContentKind.NotFound) { Terminal = link.Hash, Roots = [.. directory.Roots, link.Hash], PathBlocks = pathBlocks };
        return await ResolveTerminalAsync(content, readerId, cancellationToken);
    }

    /// <summary>The entries of a resolved directory, basic or HAMT, in link order.</summary>
    public IAsyncEnumerable<DagPbLink> ListAsync(IpfsContent directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new UnixFsDirectoryReader(blocks).ListAsync(directory.Terminal, directory.Block, cancellationToken);
    }

    /// <summary>
    /// A file whose root is <paramref name="cid"/> and that <paramref name="readerId"/> may read by it: a public one,
    /// or one the reader owns. Null when there is none.
    /// </summary>
    public async Task<FileRecord?> FindReadableFileAsync(Cid cid, string? readerId, CancellationToken cancellationToken = default)
    {
        var entries = await cids.FindAsync(cid, CidIndexLookups, cancellationToken);
        foreach (var entry in entries.Where(e => e.Public).Concat(entries.Where(e => !e.Public && e.OwnerId == readerId)))
        {
            if (await files.GetAsync(entry.OwnerId, entry.FileId, cancellationToken) is { } record)
            {
                return record;
            }
        }

        return null;
    }

    private async Task<IpfsContent> ResolveTerminalAsync(IpfsContent content, string? readerId, CancellationToken cancellationToken)
    {
        var cid = content.Terminal;
        if (await blocks.GetBlockAsync(cid, cancellationToken) is { } block)
        {
            BlockVerifier.Verify(cid, block.Span);
            var kind = UnixFsNodeKinds.Of(cid, block);
            return content with
            {
                Block = block,
                Kind = kind switch
                {
                    UnixFsNodeKind.File => IpfsContentKind.File,
                    UnixFsNodeKind.Directory or UnixFsNodeKind.HamtDirectory => IpfsContentKind.Directory,
                    UnixFsNodeKind.Symlink => IpfsContentKind.Symlink,
                    _ => IpfsContentKind.OtherCodec,
                },
                Size = kind == UnixFsNodeKind.File ? UnixFsFileNode.Parse(cid, block).Size : (ulong)block.Length,
            };
        }

        return await FindReadableFileAsync(cid, readerId, cancellationToken) is { } file
            ? content with { Kind = IpfsContentKind.PendingFile, File = file, Size = (ulong)file.Size }
            : content with { Message = NotAvailable(cid), MissingBlock = cid };
    }

    private static string NotAvailable(Cid cid) => $"block was not found: {cid} is not available on this gateway";
}
