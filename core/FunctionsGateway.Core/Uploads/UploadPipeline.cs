using System.Diagnostics;
using System.Globalization;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Content;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Stage first, then push (DESIGN.md §4): the body streams into a staged block blob while every registered
/// hasher sees the same bytes; only after the commit is the file recorded (<c>staged</c>) and a push
/// enqueued. An exception at any step means no 2xx: the caller has nothing durable to report.
/// Large files arrive already staged (DESIGN.md §4 step 5) and join at <see cref="AdoptStagedAsync"/>.
/// It is also the one place uploads meet their owner's quotas (<see cref="UsageStore"/>): a declared length over what
/// the stored-bytes and ingress quotas leave is refused before a byte is staged, an undeclared body as soon as it
/// passes it (its blocks are never committed), and the commit charges both counters in one conditional write that
/// refuses, and removes the staged blob, when a parallel upload took the room first.
/// </summary>
internal sealed partial class UploadPipeline(
    BlockBlobWriter writer,
    IBlobStorage blobs,
    IQueueStorage queues,
    FileIndex files,
    CidIndex cids,
    StorageBackendRegistry backends,
    UsageStore usage,
    IEnumerable<IContentHasherFactory> hashers,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<UploadOptions> options,
    IOptions<ContentOptions> content,
    TimeProvider time,
    ILogger<UploadPipeline> logger)
{
    /// <summary>The largest buffer the hashing pass of <see cref="AdoptStagedAsync"/> reads into.</summary>
    private const int MaxHashingBufferBytes = 1024 * 1024;

    /// <summary>A new file (and upload) id: 32 lowercase hex digits of a version-7 GUID, see <see cref="FileIndex.IsValidFileId"/>.</summary>
    public static string NewFileId() => Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>The staged blob of a file in the staging container: <c>{owner}/{file id}</c>.</summary>
    public static string StagedBlobName(string ownerId, string fileId) => ownerId + "/" + fileId;

    /// <summary>Stages, records and enqueues one upload; returns the record (state <c>staged</c>).</summary>
    /// <exception cref="UploadTooLargeException">Declared or actual size over the limit; nothing was committed.</exception>
    /// <exception cref="UnknownBackendException">The request names a backend that is not configured; nothing was read.</exception>
    /// <remarks>Whatever <see cref="UploadRequest.AdmitAsync"/> throws propagates after the staged blob is deleted.</remarks>
    public async Task<FileRecord> UploadAsync(UploadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxFileBytes;
        if (request.DeclaredLength > limit)
        {
            throw new UploadTooLargeException(limit);
        }

        var backend = ResolveBackend(request.Backend);
        var allowance = await EnsureUploadRoomAsync(request.OwnerId, request.DeclaredLength, cancellationToken);
        await bootstrap.EnsureCreatedAsync(cancellationToken);

        var id = NewFileId();
        var stagedBlob = StagedBlobName(request.OwnerId, id);
        using var digests = new ContentDigestSet(hashers.Concat(request.AdditionalHashers), request.Profile ?? content.Value.Profile);
        var quotaBound = allowance is { } room && room.Remaining < limit;
        var started = Stopwatch.GetTimestamp();
        using var stageActivity = GatewayTelemetry.Source.StartActivity("upload stage");
        stageActivity?.SetTag("gateway.file.id", id);
        long size;
        try
        {
            size = await writer.WriteAsync(
                names.StagingContainer,
                stagedBlob,
                request.Body,
                options.Value.BlockSizeBytes,
                quotaBound ? allowance!.Value.Remaining : limit,
                block => digests.Append(block.Span),
                new BlobHttpHeaders(request.ContentType),
                cancellationToken);
        }
        catch (UploadTooLargeException e) when (quotaBound && e.Limit == allowance!.Value.Remaining)
        {
            // Passed what the quota leaves: the staged blocks are never committed, so nothing stays behind.
            var refusal = allowance.Value.Refusal;
            throw new QuotaExceededException(refusal.Kind, refusal.Limit, refusal.Used, allowance.Value.Remaining + 1);
        }

        stageActivity?.SetTag("gateway.file.size", size);
        stageActivity?.Dispose();
        GatewayTelemetry.UploadStageDuration.Record(GatewayTelemetry.SecondsSince(started), new KeyValuePair<string, object?>("stage", "stage"));

        var dag = digests.CompleteDag();
        if (request.AdmitAsync is { } admit)
        {
            try
            {
                await admit(new StagedContent(size, dag.Root), cancellationToken);
            }
            catch
            {
                // Refused: the bytes were never the caller's file, so they do not stay in the stage.
                await blobs.DeleteAsync(names.StagingContainer, stagedBlob, CancellationToken.None);
                throw;
            }
        }

        await ChargeOrDeleteAsync(request.OwnerId, stagedBlob, size, cancellationToken);
        var record = NewRecord(request.OwnerId, id, request.Name, request.ContentType, backend, size, digests, dag) with { Public = request.Public };
        return await RecordAndEnqueueAsync(record, undoDeletesStagedBlob: true, cancellationToken);
    }

    /// <summary>
    /// Refuses an upload of <paramref name="declaredLength"/> bytes (when known) that the owner's stored-bytes or
    /// ingress quota has no room for, before anything is staged (also for tus and direct uploads at creation).
    /// </summary>
    /// <returns>What the quotas leave, or null when nothing caps the owner's uploads.</returns>
    /// <exception cref="QuotaExceededException">The declared length does not fit.</exception>
    public async Task<(long Remaining, QuotaRefusal Refusal)?> EnsureUploadRoomAsync(string ownerId, long? declaredLength, CancellationToken cancellationToken = default)
    {
        var allowance = await usage.UploadAllowanceAsync(ownerId, cancellationToken);
        if (allowance is { } room && declaredLength > room.Remaining)
        {
            throw new QuotaExceededException(room.Refusal.Kind, room.Refusal.Limit, room.Refusal.Used, declaredLength.Value);
        }

        return allowance;
    }

    /// <summary>
    /// Hands a committed staged blob to the pipeline: one streaming pass through every hasher (memory bounded by
    /// one buffer), then the same tail as <see cref="UploadAsync"/> — record (<c>staged</c>) and enqueue the push.
    /// The blob's ETag is pinned in the record so that a later rewrite cannot pass for this file. Idempotent: a
    /// file already recorded under <see cref="StagedUpload.FileId"/> is returned as it is. If the enqueue fails the
    /// record is removed again but the staged blob is kept, so the caller can simply retry.
    /// </summary>
    /// <returns>The record, or null when no committed blob exists.</returns>
    /// <exception cref="UploadTooLargeException">The blob is over the limit; it has been deleted.</exception>
    /// <exception cref="StagedBlobChangedException">The blob was rewritten during the pass; nothing was recorded.</exception>
    public async Task<FileRecord?> AdoptStagedAsync(StagedUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var backend = ResolveBackend(upload.Backend);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        if (await files.GetAsync(upload.OwnerId, upload.FileId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var limit = options.Value.MaxFileBytes;
        using var digests = new ContentDigestSet(hashers, upload.Profile ?? content.Value.Profile);
        BlobProperties read;
        long size;
        await using (var download = await blobs.DownloadAsync(names.StagingContainer, upload.StagedBlob, range: null, cancellationToken))
        {
            if (download is null)
            {
                return null;
            }

            if (download.Properties.ContentLength > limit)
            {
                await blobs.DeleteAsync(names.StagingContainer, upload.StagedBlob, CancellationToken.None);
                throw new UploadTooLargeException(limit);
            }

            read = download.Properties;
            size = await digests.AppendAllAsync(download.Content, Math.Min(options.Value.BlockSizeBytes, MaxHashingBufferBytes), cancellationToken);
        }

        var now = await blobs.GetPropertiesAsync(names.StagingContainer, upload.StagedBlob, cancellationToken);
        if (size != read.ContentLength || now?.ETag != read.ETag)
        {
            throw new StagedBlobChangedException();
        }

        await ChargeOrDeleteAsync(upload.OwnerId, upload.StagedBlob, size, cancellationToken);
        var record = NewRecord(upload.OwnerId, upload.FileId, upload.Name, upload.ContentType, backend, size, digests, digests.CompleteDag()) with { StagedETag = read.ETag, Public = upload.Public };
        try
        {
            return await RecordAndEnqueueAsync(record, undoDeletesStagedBlob: false, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            // (RecordAndEnqueueAsync gave this completion's charge back: the other one's stands.)
            // A concurrent completion of the same upload recorded it first; its record (and push) stand.
            return await files.GetAsync(upload.OwnerId, upload.FileId, cancellationToken)
                ?? throw new InvalidOperationException($"File {upload.FileId} was recorded and removed while being adopted.", e);
        }
    }

    /// <summary>Puts a push message for an existing record on the queue (also used to re-queue).</summary>
    public async Task EnqueuePushAsync(FileRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await queues.SendAsync(names.PushQueue, new PushMessage(record.OwnerId, record.Id).ToJson(), cancellationToken: cancellationToken);
    }

    private IStorageBackend ResolveBackend(string? name) => backends.Resolve(name);

    private FileRecord NewRecord(string ownerId, string id, string name, string? contentType, IStorageBackend backend, long size, ContentDigestSet digests, UnixFsFileResult dag)
    {
        var now = time.GetUtcNow();
        return new FileRecord
        {
            OwnerId = ownerId,
            Id = id,
            Name = name,
            Size = size,
            ContentType = contentType,
            State = FileState.Staged,
            Backend = backend.Name,
            StagedBlob = StagedBlobName(ownerId, id),
            Cid = dag.Root.ToString(),
            DagSize = (long)dag.DagSize,
            CidProfile = UnixFsProfileSpec.Format(digests.Profile),
            Digests = digests.Complete(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Charges a committed upload to its owner's stored bytes and ingress; refused → the staged blob goes and the refusal is thrown.</summary>
    private async Task ChargeOrDeleteAsync(string ownerId, string stagedBlob, long size, CancellationToken cancellationToken)
    {
        if (await usage.ChargeAsync(ownerId, UploadCharge(size), enforce: true, cancellationToken) is { } refusal)
        {
            await blobs.DeleteAsync(names.StagingContainer, stagedBlob, CancellationToken.None);
            throw refusal.ToException();
        }
    }

    private static Usage UploadCharge(long size) => new(StoredBytes: size, IngressBytes: size);

    /// <summary>The shared tail: record the committed (and charged) file, then enqueue its push or undo the record and the charge.</summary>
    private async Task<FileRecord> RecordAndEnqueueAsync(FileRecord record, bool undoDeletesStagedBlob, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = GatewayTelemetry.Source.StartActivity("upload record");
        activity?.SetTag("gateway.file.id", record.Id);
        FileRecord inserted;
        try
        {
            inserted = await files.InsertAsync(record, cancellationToken);
        }
        catch (AzureStorageException)
        {
            await RefundAsync(record);
            throw;
        }

        try
        {
            await cids.AddAsync(inserted, cancellationToken);
            await EnqueuePushAsync(inserted, cancellationToken);
        }
        catch (AzureStorageException)
        {
            // Without a push the file would stay staged for ever; the client is told it failed, so remove the
            // record rather than leave an upload the client believes lost. The bytes go too unless the caller
            // can retry from them (an adopted blob).
            await files.DeleteAsync(inserted.OwnerId, inserted.Id, CancellationToken.None);
            await cids.RemoveAsync(inserted, CancellationToken.None);
            await RefundAsync(inserted);
            if (undoDeletesStagedBlob)
            {
                await blobs.DeleteAsync(names.StagingContainer, inserted.StagedBlob, CancellationToken.None);
            }

            throw;
        }

        LogStaged(logger, inserted.Id, inserted.Size, inserted.Backend);
        GatewayTelemetry.UploadStageDuration.Record(GatewayTelemetry.SecondsSince(started), new KeyValuePair<string, object?>("stage", "record"));
        return inserted;
    }

    // Best effort: storage that failed the record may fail this too; the counter then stays high until corrected.
    private async Task RefundAsync(FileRecord record)
    {
        try
        {
            await usage.ChargeAsync(record.OwnerId, UploadCharge(record.Size).Negate(), enforce: false, CancellationToken.None);
        }
        catch (AzureStorageException e)
        {
            LogRefundFailed(logger, e, record.Id, record.OwnerId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back the usage of file {FileId} of {OwnerId}")]
    private static partial void LogRefundFailed(ILogger logger, Exception exception, string fileId, string ownerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staged {FileId} ({Size} bytes) for {Backend}")]
    private static partial void LogStaged(ILogger logger, string fileId, long size, string backend);
}
