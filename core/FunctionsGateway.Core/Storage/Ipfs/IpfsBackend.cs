using System.Buffers;
using System.Globalization;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>
/// The <c>ipfs</c> backend (DESIGN.md §4 step 3, §7): files live on an IPFS node, pinned, under the CID the gateway
/// computed at upload; the backend's reference is that CID.
/// </summary>
/// <remarks>
/// <para>
/// <b>Store.</b> When the node can apply the file's CID profile (<see cref="FileRecord.CidProfile"/>), the staged bytes
/// are streamed to <c>add</c> with the profile's options (<c>cid-version</c>, <c>raw-leaves</c>, <c>chunker</c>, and
/// <c>max-file-links</c> on Kubo ≥ 0.35), without pinning. If the node cannot apply it (js-ipfs and older Kubo have
/// no <c>max-file-links</c> and always use 174 links, which matters once the file has more leaves than the smaller of
/// the two widths), or its root is not the file's CID for any other reason, the gateway builds the DAG itself with
/// <see cref="UnixFsFileBuilder"/> and streams it to <c>dag/import</c> as a CAR whose header declares the file's CID,
/// blocks in the order the builder finishes them (CAR order is free). Only a root equal to the file's CID is pinned
/// (<c>pin/add</c>); when even the gateway's own DAG gives another root, the staged bytes are not those the CID was
/// computed from and the push is rejected (<see cref="PushRejectedException"/>), naming both CIDs. Pushing the same file
/// twice pins the same CID twice, which the node accepts.
/// </para>
/// <para>
/// <b>Read.</b> A file the node no longer pins is gone (null); otherwise its length comes from <c>files/stat</c> and the
/// bytes from <c>cat</c> with offset and length, streamed through. <b>Delete</b> unpins; an absent pin is fine.
/// An unreachable node surfaces as a transient <see cref="KuboRpcException"/>, which the push worker retries with backoff.
/// </para>
/// </remarks>
internal sealed partial class IpfsBackend(KuboRpcClient node, ILogger<IpfsBackend> logger) : IStorageBackend
{
    public const string BackendName = "ipfs";

    /// <summary>The first Kubo release whose <c>add</c> takes <c>max-file-links</c> (changelog v0.35).</summary>
    internal static readonly Version MaxFileLinksSince = new(0, 35, 0);

    private const int ReadBufferBytes = 1 << 20;

    public string Name => BackendName;

    public async Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(openStaged);
        if (!UnixFsProfileSpec.TryParse(file.CidProfile, out var profile, out var error))
        {
            throw new PushRejectedException($"The file's CID profile '{file.CidProfile}' is not valid: {error}.");
        }

        Cid? expected = null;
        if (file.Cid is { } text)
        {
            expected = Cid.TryParse(text, out var parsed, out var cidError)
                ? parsed
                : throw new PushRejectedException($"The file's CID '{text}' is not a CID: {cidError}.");
        }

        Cid? added = null;
        if (await AddOptionsAsync(file, profile, cancellationToken) is { } addOptions)
        {
            await using var staged = await openStaged(cancellationToken);
            var nodeRoot = (await node.AddAsync(staged, addOptions, cancellationToken)).Cid;
            if (expected is null || nodeRoot == expected)
            {
                await node.PinAddAsync(nodeRoot, cancellationToken: cancellationToken);
                LogStored(logger, file.Id, nodeRoot, "add");
                return nodeRoot.ToString();
            }

            LogAddRootDiffers(logger, file.Id, nodeRoot, expected.Value);
            added = nodeRoot;
        }

        // The CAR's header names the root before the blocks; without a recorded CID, compute it first.
        var declared = expected ?? await ComputeRootAsync(file, profile, openStaged, cancellationToken);
        var root = await ImportAsync(file, profile, declared, openStaged, cancellationToken);
        if (root != declared)
        {
            var byAdd = added is { } a && a != root ? $" (the node's own add gave {a})" : "";
            throw new PushRejectedException(
                $"The IPFS node's root {root} for the staged bytes{byAdd} differs from the file's CID {declared}.");
        }

        await node.PinAddAsync(root, cancellationToken: cancellationToken);
        LogStored(logger, file.Id, root, "dag/import");
        return root.ToString();
    }

    public async Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default)
    {
        var cid = ParseReference(backendRef);
        if ((await node.PinListAsync(KuboPinType.Recursive, [cid], cancellationToken)).Count == 0)
        {
            return null;
        }

        var stat = await node.FilesStatAsync("/ipfs/" + backendRef, cancellationToken);
        BlobRange? returned = null;
        if (range is { } r)
        {
            var available = Math.Max(0, stat.Size - r.Offset);
            returned = new BlobRange(r.Offset, Math.Min(r.Length ?? available, available));
        }

        var content = await node.CatAsync(cid, returned?.Offset ?? 0, returned?.Length, cancellationToken);
        var properties = new BlobProperties(stat.Size, ContentType: null, ETag: "\"" + backendRef + "\"", LastModified: null);
        return new BlobDownload(content, properties, returned);
    }

    public async Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default)
    {
        var cid = ParseReference(backendRef);
        if (await node.PinRemoveAsync(cid, cancellationToken: cancellationToken) == KuboPinRemoveResult.NotPinned)
        {
            LogAlreadyUnpinned(logger, backendRef);
        }
    }

    /// <summary>
    /// True when <paramref name="agentVersion"/> (<c>id</c>'s AgentVersion, e.g. <c>kubo/0.39.0/3f1a…/</c>) names a
    /// Kubo whose <c>add</c> takes <c>max-file-links</c>. js-ipfs (<c>js-ipfs/…</c>) and go-ipfs do not, and ignore it.
    /// </summary>
    internal static bool SupportsMaxFileLinks(string agentVersion)
    {
        var parts = agentVersion.Split('/');
        if (parts.Length < 2 || parts[0] != "kubo")
        {
            return false;
        }

        var number = parts[1].Split('-', '+')[0];
        return Version.TryParse(number, out var version) && version >= MaxFileLinksSince;
    }

    /// <summary>
    /// True when a file of <paramref name="size"/> bytes gets another DAG with <paramref name="profile"/>'s links per
    /// node than with the 174 a node without <c>max-file-links</c> uses: the shapes differ exactly when there are more
    /// leaves than the smaller width (until then both are one parent over all leaves, or the single leaf).
    /// </summary>
    internal static bool LinkCountMatters(UnixFsProfile profile, long size)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.MaxLinks == UnixFsProfile.DefaultMaxLinks)
        {
            return false;
        }

        var leaves = Math.Max(1, (size + profile.ChunkSize - 1) / profile.ChunkSize);
        return leaves > Math.Min(profile.MaxLinks, UnixFsProfile.DefaultMaxLinks);
    }

    // The add options that make the node compute the file's CID, or null when the node cannot apply the profile.
    private async Task<KuboAddOptions?> AddOptionsAsync(FileRecord file, UnixFsProfile profile, CancellationToken cancellationToken)
    {
        var options = new KuboAddOptions
        {
            FileName = file.Id,
            CidVersion = profile.CidVersion,
            RawLeaves = profile.RawLeaves,
            Chunker = "size-" + profile.ChunkSize.ToString(CultureInfo.InvariantCulture),
            Hash = "sha2-256",
            Pin = false,
        };
        if (!LinkCountMatters(profile, file.Size))
        {
            return options;
        }

        var identity = await node.IdAsync(cancellationToken);
        if (SupportsMaxFileLinks(identity.AgentVersion))
        {
            return options with { MaxFileLinks = profile.MaxLinks };
        }

        LogProfileNotSupported(logger, file.Id, identity.AgentVersion, profile.MaxLinks);
        return null;
    }

    // Streams the DAG the gateway builds from the staged bytes to dag/import, unpinned; returns its root.
    private async Task<Cid> ImportAsync(FileRecord file, UnixFsProfile profile, Cid declaredRoot, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken)
    {
        UnixFsFileResult? result = null;
        await node.DagImportAsync(
            async (destination, token) =>
            {
                var car = await CarWriter.CreateAsync(destination, [declaredRoot], token);
                var sink = new CollectingBlockSink();
                result = await BuildAsync(file, profile, sink, openStaged, async blocks =>
                {
                    foreach (var block in blocks)
                    {
                        await car.WriteBlockAsync(block.Cid, block.Data, token);
                    }
                }, token);
            },
            pinRoots: false,
            cancellationToken);
        return (result ?? throw new InvalidOperationException("dag/import finished without sending the DAG.")).Root;
    }

    private static async Task<Cid> ComputeRootAsync(FileRecord file, UnixFsProfile profile, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken) =>
        (await BuildAsync(file, profile, sink: null, openStaged, write: null, cancellationToken)).Root;

    // Reads the stage once through a builder; after each read, hands the blocks that read finished to write.
    private static async Task<UnixFsFileResult> BuildAsync(
        FileRecord file,
        UnixFsProfile profile,
        CollectingBlockSink? sink,
        Func<CancellationToken, Task<Stream>> openStaged,
        Func<IReadOnlyList<ContentBlock>, Task>? write,
        CancellationToken cancellationToken)
    {
        using var builder = new UnixFsFileBuilder(profile, sink);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        try
        {
            await using var staged = await openStaged(cancellationToken);
            int read;
            while ((read = await staged.ReadAsync(buffer.AsMemory(0, ReadBufferBytes), cancellationToken)) > 0)
            {
                builder.Append(buffer.AsSpan(0, read));
                if (sink is not null && write is not null)
                {
                    await write(sink.Drain());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (builder.BytesAppended != (ulong)file.Size)
        {
            throw new InvalidOperationException($"Staged blob {file.StagedBlob} holds {builder.BytesAppended} bytes, the record says {file.Size}.");
        }

        var result = builder.Complete();
        if (sink is not null && write is not null)
        {
            await write(sink.Drain());
        }

        return result;
    }

    private static Cid ParseReference(string backendRef) =>
        Cid.TryParse(backendRef, out var cid, out var error)
            ? cid
            : throw new InvalidOperationException($"The ipfs backend reference '{backendRef}' is not a CID: {error}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {FileId} on the IPFS node as {Cid} (by {Command})")]
    private static partial void LogStored(ILogger logger, string fileId, Cid cid, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The IPFS node's add gave {FileId} the root {NodeRoot}, not {Expected}; importing the gateway's DAG instead")]
    private static partial void LogAddRootDiffers(ILogger logger, string fileId, Cid nodeRoot, Cid expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "The IPFS node ({Agent}) cannot add {FileId} with {MaxLinks} links per node; importing the gateway's DAG")]
    private static partial void LogProfileNotSupported(ILogger logger, string fileId, string agent, int maxLinks);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Cid} was not pinned on the IPFS node")]
    private static partial void LogAlreadyUnpinned(ILogger logger, string cid);
}
