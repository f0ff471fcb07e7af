using System.Globalization;
using FunctionsGateway.Core.Content;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Stage first, then push (DESIGN.md §4): the body streams into a staged block blob while every registered
/// hasher sees the same bytes; only after the commit is the file recorded (<c>staged</c>) and a push
/// enqueued. An exception at any step means no 2xx: the caller has nothing durable to report.
/// </summary>
internal sealed partial class UploadPipeline(
    BlockBlobWriter writer,
    IBlobStorage blobs,
    IQueueStorage queues,
    FileIndex files,
    CidIndex cids,
    StorageBackendRegistry backends,
    IEnumerable<IContentHasherFactory> hashers,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<UploadOptions> options,
    IOptions<ContentOptions> content,
    TimeProvider time,
    ILogger<UploadPipeline> logger)
{
    /// <summary>Stages, records and enqueues one upload; returns the record (state <c>staged</c>).</summary>
    /// <exception cref="UploadTooLargeException">Declared or actual size over the limit; nothing was committed.</exception>
    public async Task<FileRecord> UploadAsync(UploadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxFileBytes;
        if (request.DeclaredLength > limit)
        {
            throw new UploadTooLargeException(limit);
        }

        var backend = request.Backend is null ? backends.Default : backends.Find(request.Backend)
            ?? throw new ArgumentException($"Unknown backend '{request.Backend}'.", nameof(request));
        await bootstrap.EnsureCreatedAsync(cancellationToken);

        var id = Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture);
        var stagedBlob = request.OwnerId + "/" + id;
        var running = hashers.Select(h => h.Create()).ToList();
        var profile = request.Profile ?? content.Value.Profile;
        using var dag = new UnixFsFileBuilder(profile);
        try
        {
            var size = await writer.WriteAsync(
                names.StagingContainer,
                stagedBlob,
                request.Body,
                options.Value.BlockSizeBytes,
                limit,
                block =>
                {
                    dag.Append(block.Span);
                    running.ForEach(h => h.Append(block.Span));
                },
                new BlobHttpHeaders(request.ContentType),
                cancellationToken);
            var root = dag.Complete().Root;

            var now = time.GetUtcNow();
            var record = await files.InsertAsync(new FileRecord
            {
                OwnerId = request.OwnerId,
                Id = id,
                Name = request.Name,
                Size = size,
                ContentType = request.ContentType,
                State = FileState.Staged,
                Backend = backend.Name,
                StagedBlob = stagedBlob,
                Cid = root.ToString(),
                Public = request.Public,
                CidProfile = UnixFsProfileSpec.Format(profile),
                Digests = running.ToDictionary(h => h.Name, h => h.Complete(), StringComparer.Ordinal),
                CreatedAt = now,
                UpdatedAt = now,
            }, cancellationToken);

            await EnqueueOrUndoAsync(record, cancellationToken);
            LogStaged(logger, id, size, backend.Name);
            return record;
        }
        finally
        {
            foreach (var hasher in running.OfType<IDisposable>())
            {
                hasher.Dispose();
            }
        }
    }

    /// <summary>Puts a push message for an existing record on the queue (also used to re-queue).</summary>
    public async Task EnqueuePushAsync(FileRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await queues.SendAsync(names.PushQueue, new PushMessage(record.OwnerId, record.Id).ToJson(), cancellationToken: cancellationToken);
    }

    private async Task EnqueueOrUndoAsync(FileRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await cids.AddAsync(record, cancellationToken);
            await EnqueuePushAsync(record, cancellationToken);
        }
        catch (AzureStorageException)
        {
            // Without a push the file would stay staged for ever; the client is told it failed, so remove the
            // record (and the staged bytes) rather than leave an upload the client believes lost.
            await files.DeleteAsync(record.OwnerId, record.Id, CancellationToken.None);
            await cids.RemoveAsync(record, CancellationToken.None);
            await blobs.DeleteAsync(names.StagingContainer, record.StagedBlob, CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staged {FileId} ({Size} bytes) for {Backend}")]
    private static partial void LogStaged(ILogger logger, string fileId, long size, string backend);
}
