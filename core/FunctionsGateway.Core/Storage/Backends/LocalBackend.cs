using FunctionsGateway.Core.Content;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends;

/// <summary>
/// The <c>local</c> backend (DESIGN.md §8): the file's bytes as one blob in the <c>content</c> container
/// (<c>{owner}/{file id}</c>, for fast whole and ranged reads) and its UnixFS DAG as content-addressed blocks in
/// the <c>blocks</c> container, rebuilt from the staged bytes with the file's CID profile, so that any CID inside
/// the DAG can be served. Only public files (<see cref="FileRecord.Public"/>) put blocks there, since anyone may
/// read a block by its CID; a private file's DAG is still rebuilt and its root checked. The rebuilt root must
/// equal the CID computed at upload, or the push is rejected.
/// Storing twice writes the same bytes. Deleting a file removes its content blob; its blocks stay, as in an
/// IPFS blockstore until garbage collection, because other files may share them.
/// </summary>
internal sealed class LocalBackend(
    IBlobStorage blobs,
    BlockBlobWriter writer,
    BlobBlockStore blocks,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<UploadOptions> uploads,
    IOptions<ContentOptions> content) : IStorageBackend
{
    public const string BackendName = "local";

    public string Name => BackendName;

    public async Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(openStaged);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        if (!UnixFsProfileSpec.TryParse(file.CidProfile, out var profile, out var error))
        {
            throw new PushRejectedException($"The file's CID profile '{file.CidProfile}' is not valid: {error}.");
        }

        var name = file.OwnerId + "/" + file.Id;
        var sink = file.Public ? new CollectingBlockSink() : null;
        using var dag = new UnixFsFileBuilder(profile, sink);
        await using (var staged = await openStaged(cancellationToken))
        {
            // One read of the stage feeds both the content blob and the blocks.
            var parallelism = content.Value.BlockWriteParallelism;
            var written = await writer.WriteAsync(
                names.ContentContainer, name, new BlockStoringStream(staged, dag, sink, blocks, parallelism),
                uploads.Value.BlockSizeBytes, long.MaxValue, observe: null, new BlobHttpHeaders(file.ContentType), cancellationToken);
            if (written != file.Size)
            {
                throw new InvalidOperationException($"Staged blob {file.StagedBlob} holds {written} bytes, the record says {file.Size}.");
            }
        }

        var root = dag.Complete().Root;
        if (sink is not null)
        {
            await blocks.PutManyAsync(sink.Drain(), content.Value.BlockWriteParallelism, cancellationToken);
        }
        if (file.Cid is { } expected && (!Cid.TryParse(expected, out var expectedCid) || expectedCid != root))
        {
            throw new PushRejectedException($"The stored DAG's root {root} differs from the CID computed at upload, {expected}.");
        }

        return name;
    }

    public Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default) =>
        blobs.DownloadAsync(names.ContentContainer, backendRef, range, cancellationToken);

    public async Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default) =>
        await blobs.DeleteAsync(names.ContentContainer, backendRef, cancellationToken);
}
