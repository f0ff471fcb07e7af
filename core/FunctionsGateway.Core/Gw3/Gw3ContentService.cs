using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Ipfs;
using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Gw3;

/// <summary>
/// The content operations behind the <c>/gw3</c> surface (spec/compat.md §4.2): two-step writes (an upload URL is issued,
/// then the body posted there is carried out), UnixFS directory edits giving a new root, and pins. Uploads go through
/// <see cref="UploadPipeline"/> as public content (an IPFS gateway serves what it holds by CID) and are pinned for their
/// owner. Requests the client got wrong raise <see cref="RpcRequestException"/> (400, or 404 for content not here).
/// </summary>
internal sealed class Gw3ContentService(
    UploadPipeline pipeline,
    BlobBlockStore blocks,
    PinStore pins,
    IpfsContentResolver resolver,
    CarImporter importer,
    CredentialStore credentials,
    Gw3KeyRing keys,
    IOptions<Gw3Options> options,
    TimeProvider time)
{
    /// <summary>The route of the upload URLs, under the surface's prefix.</summary>
    public const string UploadRoute = "/gw3/upload";

    private const int BlockWriteParallelism = 4;

    /// <summary>An upload URL for a two-step write by <paramref name="principal"/>, absolute under <paramref name="requestBase"/> unless a public base URL is set.</summary>
    public string IssueUploadUrl(GatewayPrincipal principal, Gw3UploadOperation operation, long? size, string? root, string? path, string requestBase)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var expires = time.GetUtcNow().Add(options.Value.UploadUrlLifetime).ToUnixTimeSeconds();
        var (args, signature) = new Gw3UploadTicket(operation, principal.IdentityId, principal.CredentialId, size, root, path, expires).Encode(keys.UploadUrlKey);
        var baseUrl = string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? requestBase : options.Value.PublicBaseUrl;
        return $"{baseUrl.TrimEnd('/')}{UploadRoute}?sargs={args}&ssig={signature}";
    }

    /// <summary>The ticket of an upload URL, when its signature holds, it has not expired and its access key is still active.</summary>
    /// <exception cref="RpcRequestException">401-style refusal as status 401, with the reason.</exception>
    public async Task<Gw3UploadTicket> RedeemAsync(string? args, string? signature, CancellationToken cancellationToken = default)
    {
        if (!Gw3UploadTicket.TryDecode(keys.UploadUrlKey, args, signature, time.GetUtcNow(), out var ticket, out var error))
        {
            throw new RpcRequestException(error, 401);
        }

        var credential = await credentials.GetAsync(ticket.CredentialId, cancellationToken);
        if (credential is null || credential.IdentityId != ticket.OwnerId || !credential.IsActive(time.GetUtcNow()))
        {
            throw new RpcRequestException("the access key that issued this upload URL is no longer active", 401);
        }

        return ticket;
    }

    /// <summary>Adds the body as a public file, pins it for the owner, and returns its CID.</summary>
    public async Task<Cid> AddFileAsync(Gw3UploadTicket ticket, string name, Stream body, long? declaredLength, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var (cid, _) = await UploadAsync(ticket, name, body, declaredLength, contentType, cancellationToken);
        await pins.AddAsync(ticket.OwnerId, cid, name: null, cancellationToken);
        return cid;
    }

    /// <summary>Adds the body as a file at the ticket's path under its root; returns the new root (pinned for the owner).</summary>
    public async Task<Cid> PutFileAsync(Gw3UploadTicket ticket, Stream body, long? declaredLength, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var path = ParseRootPath(ticket);
        var (cid, dagSize) = await UploadAsync(ticket, path.Segments[^1], body, declaredLength, contentType, cancellationToken);
        return await EditAsync(ticket.OwnerId, (editor, sink) => editor.SetAsync(path.Root, path.Segments, cid, dagSize, sink, cancellationToken), cancellationToken);
    }

    /// <summary>Removes the ticket's path under its root; returns the new root (pinned for the owner).</summary>
    public Task<Cid> DeleteAsync(Gw3UploadTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var path = ParseRootPath(ticket);
        return EditAsync(ticket.OwnerId, (editor, sink) => editor.RemoveAsync(path.Root, path.Segments, sink, cancellationToken), cancellationToken);
    }

    /// <summary>Imports the body as one CAR, its roots pinned for the owner.</summary>
    public Task<CarImportResult> ImportCarAsync(Gw3UploadTicket ticket, Stream car, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return importer.ImportAsync(ticket.OwnerId, car, pinRoots: true, cancellationToken);
    }

    /// <summary>
    /// Gateway3's <c>folder/operation</c>: links each <c>(name, cid)</c> of <paramref name="add"/> and unlinks each name of
    /// <paramref name="remove"/> in the directory <paramref name="root"/>; pins the new root and unpins the old one when asked.
    /// </summary>
    public async Task<Cid> ApplyFolderOperationAsync(
        string ownerId, string root, IReadOnlyList<(string Name, string Cid)> add, IReadOnlyList<string> remove, bool pinNew, bool unpinOld, CancellationToken cancellationToken = default)
    {
        var original = ParseCid(root);
        var current = original;
        var edited = new EditedBlocks(blocks);
        var editor = new UnixFsDirectoryEditor(edited);
        foreach (var name in remove)
        {
            current = (await Edit(() => editor.RemoveAsync(current, Segments(name), edited, cancellationToken))).Root;
        }

        foreach (var (name, text) in add)
        {
            var entry = ParseCid(text);
            var size = await DagSizeAsync(entry, cancellationToken);
            current = (await Edit(() => editor.SetAsync(current, Segments(name), entry, size, edited, cancellationToken))).Root;
        }

        await blocks.PutManyAsync(edited.Blocks, BlockWriteParallelism, cancellationToken);
        if (pinNew)
        {
            await pins.AddAsync(ownerId, current, name: null, cancellationToken);
        }

        if (unpinOld && !current.Equals(original))
        {
            await pins.RemoveAsync(ownerId, original, cancellationToken);
        }

        return current;
    }

    /// <summary>The owner's pins, oldest first, each with the DAG size of its content (0 when the content is no longer here).</summary>
    public async Task<IReadOnlyList<(PinRecord Pin, long Size)>> ListPinsAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var listed = new List<(PinRecord, long)>();
        await foreach (var pin in pins.ListAsync(ownerId, cancellationToken))
        {
            long size = 0;
            try
            {
                size = (long)await DagSizeAsync(Cid.Parse(pin.Cid), cancellationToken);
            }
            catch (RpcRequestException e) when (e.Status == 404)
            {
                // Pinned, but its blocks are gone or were never stored here: report it with size 0.
            }

            listed.Add((pin, size));
        }

        return [.. listed.OrderBy(p => p.Item1.CreatedAt)];
    }

    /// <summary>The cumulative DAG size of content held here (a link's Tsize), from its root block or, while its push is pending, its record.</summary>
    public async Task<ulong> DagSizeAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        var content = await resolver.ResolveAsync(new IpfsPath(cid, [], false), readerId: null, cancellationToken);
        return content.Kind switch
        {
            IpfsContentKind.PendingFile => (ulong)(content.File!.DagSize ?? content.File.Size),
            _ when content.Found => UnixFsDirectoryEditor.DagSizeOf(cid, content.Block),
            _ => throw RpcRequestException.NotFound(content.Message ?? $"{cid} is not available on this gateway"),
        };
    }

    private async Task<(Cid Cid, ulong DagSize)> UploadAsync(Gw3UploadTicket ticket, string name, Stream body, long? declaredLength, string? contentType, CancellationToken cancellationToken)
    {
        if (ticket.Size is { } size && declaredLength is { } length && size != length)
        {
            throw new RpcRequestException($"the body has {length} bytes, but the upload URL was issued for size={size}");
        }

        var record = await pipeline.UploadAsync(
            new UploadRequest(ticket.OwnerId, name, body, declaredLength ?? ticket.Size, contentType) { Public = true }, cancellationToken);
        return (Cid.Parse(record.Cid!), (ulong)(record.DagSize ?? record.Size));
    }

    private async Task<Cid> EditAsync(string ownerId, Func<UnixFsDirectoryEditor, IBlockSink, Task<UnixFsDirectoryResult>> edit, CancellationToken cancellationToken)
    {
        var edited = new EditedBlocks(blocks);
        var result = await Edit(() => edit(new UnixFsDirectoryEditor(edited), edited));
        await blocks.PutManyAsync(edited.Blocks, BlockWriteParallelism, cancellationToken);
        await pins.AddAsync(ownerId, result.Root, name: null, cancellationToken);
        return result.Root;
    }

    // The editor's refusals are the client's: a path that is not there, a node that is not a directory, a HAMT.
    private static async Task<UnixFsDirectoryResult> Edit(Func<Task<UnixFsDirectoryResult>> edit)
    {
        try
        {
            return await edit();
        }
        catch (BlockNotFoundException e)
        {
            throw RpcRequestException.NotFound(e.Message);
        }
        catch (KeyNotFoundException e)
        {
            throw RpcRequestException.NotFound(e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new RpcRequestException(e.Message, e);
        }
    }

    private static IpfsPath ParseRootPath(Gw3UploadTicket ticket)
    {
        if (!IpfsPath.TryCreate(ticket.Root, ticket.Path, out var path, out var error))
        {
            throw new RpcRequestException(error);
        }

        return path.Segments.Count > 0 ? path : throw new RpcRequestException("the path under the root names no entry");
    }

    private static Cid ParseCid(string? text) =>
        Cid.TryParse(text, out var cid, out var error) ? cid : throw new RpcRequestException($"invalid CID \"{text}\": {error}");

    private static string[] Segments(string name)
    {
        var segments = (name ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 ? segments : throw new RpcRequestException("an entry name is empty");
    }

    // The directory blocks an operation builds, kept until all its edits succeeded (then stored at once), and readable by
    // its later edits before they are stored.
    private sealed class EditedBlocks(IBlockGetter store) : IBlockSink, IBlockGetter
    {
        private readonly Dictionary<string, ContentBlock> _blocks = new(StringComparer.Ordinal);

        public IReadOnlyList<ContentBlock> Blocks => [.. _blocks.Values];

        public void Put(Cid cid, ReadOnlyMemory<byte> block) => _blocks[BlockKey.For(cid)] = new ContentBlock(cid, block.ToArray());

        public ValueTask<ReadOnlyMemory<byte>?> GetBlockAsync(Cid cid, CancellationToken cancellationToken = default) =>
            _blocks.TryGetValue(BlockKey.For(cid), out var block) ? ValueTask.FromResult<ReadOnlyMemory<byte>?>(block.Data) : store.GetBlockAsync(cid, cancellationToken);
    }
}
