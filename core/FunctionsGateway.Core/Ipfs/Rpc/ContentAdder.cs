using System.Buffers;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// Kubo's <c>add</c> (https://docs.ipfs.tech/reference/kubo/rpc/#api-v0-add; spec/standards.md §4) over the upload
/// pipeline: each file part streams through <see cref="UploadPipeline"/> as a public upload with the request's CID
/// profile, and its result is reported as soon as its bytes are durable; directories (named by parts, implied by
/// paths, or the wrapping one) are built afterwards, stored in the blockstore at once and reported after their
/// entries; the roots are then pinned for the caller. With <c>only-hash</c> the same CIDs are computed and nothing is
/// staged, stored, recorded or pinned.
/// </summary>
internal sealed class ContentAdder(UploadPipeline pipeline, BlobBlockStore blocks, PinStore pins, IOptions<UploadOptions> uploads)
{
    private const int HashBufferSize = 256 * 1024;

    /// <summary>Adds the parts of <paramref name="parts"/> for <paramref name="ownerId"/>, reporting each event through <paramref name="emit"/>.</summary>
    /// <exception cref="RpcRequestException">The body has no file, a path is invalid or taken, a directory is too large.</exception>
    /// <exception cref="UploadTooLargeException">A file is over the pipeline's limit.</exception>
    public async Task AddAsync(
        string ownerId,
        MultipartFileReader parts,
        AddParameters parameters,
        string? pinName,
        Func<AddEvent, CancellationToken, ValueTask> emit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(emit);
        var tree = new AddedTree();
        Func<AddEvent, CancellationToken, ValueTask> report = parameters.Silent ? static (_, _) => ValueTask.CompletedTask : emit;
        var anyPart = false;
        while (await parts.ReadNextAsync(cancellationToken) is { } part)
        {
            anyPart = true;
            if (part.IsDirectory)
            {
                tree.AddDirectory(part.Path);
                continue;
            }

            if (part.Path.Length > 0)
            {
                tree.EnsureCanAddFile(part.Path); // before the bytes are stored: a refused name leaves no file behind
            }

            var body = parameters.Progress ? new ProgressReportingStream(part.Body, part.Path, report) : part.Body;
            var (cid, dagSize) = parameters.OnlyHash
                ? await HashAsync(body, parameters.Profile, cancellationToken)
                : await UploadAsync(ownerId, part, body, parameters.Profile, cancellationToken);

            // A part without a file name is reported (and wrapped) under its CID, as Kubo's CLI prints it.
            var name = part.Path.Length > 0 ? part.Path : cid.ToString();
            tree.AddFile(name, cid, dagSize);
            await report(AddEvent.Added(name, cid.ToString(), dagSize), cancellationToken);
        }

        if (!anyPart)
        {
            throw new RpcRequestException("file argument \"path\" is required");
        }

        var directories = tree.BuildDirectories(parameters.Profile, parameters.WrapWithDirectory);
        foreach (var (path, directory) in directories)
        {
            if (!parameters.OnlyHash)
            {
                await blocks.PutAsync(directory.Root, directory.Block, cancellationToken);
            }

            await report(AddEvent.Added(path, directory.Root.ToString(), directory.DagSize), cancellationToken);
        }

        if (parameters.Pin && !parameters.OnlyHash)
        {
            IEnumerable<Cid> roots = parameters.WrapWithDirectory ? [directories[^1].Directory.Root] : tree.TopLevel.Select(e => e.Cid);
            foreach (var root in roots.Distinct())
            {
                await pins.AddAsync(ownerId, root, pinName, cancellationToken);
            }
        }
    }

    private async Task<(Cid, ulong)> UploadAsync(string ownerId, MultipartFilePart part, Stream body, UnixFsProfile profile, CancellationToken cancellationToken)
    {
        var record = await pipeline.UploadAsync(
            new UploadRequest(ownerId, part.Path, body, DeclaredLength: null, part.ContentType) { Public = true, Profile = profile },
            cancellationToken);
        return (Cid.Parse(record.Cid!), (ulong)record.DagSize!.Value);
    }

    private async Task<(Cid, ulong)> HashAsync(Stream body, UnixFsProfile profile, CancellationToken cancellationToken)
    {
        var limit = uploads.Value.MaxFileBytes;
        using var builder = new UnixFsFileBuilder(profile);
        var buffer = ArrayPool<byte>.Shared.Rent(HashBufferSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                builder.Append(buffer.AsSpan(0, read));
                if (builder.BytesAppended > (ulong)limit)
                {
                    throw new UploadTooLargeException(limit);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var result = builder.Complete();
        return (result.Root, result.DagSize);
    }
}
