using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads.Direct;

/// <summary>
/// Direct-to-blob uploads (DESIGN.md §4 step 5, spec/azure.md §4.3): the gateway hands out a short-lived service
/// SAS that can only create and write the one staging blob <c>{owner}/{upload id}</c>; the client stages and
/// commits its blocks straight to Blob storage, so the body never passes through a Function; completion checks
/// the commit and hands the blob to <see cref="UploadPipeline.AdoptStagedAsync"/>.
/// <para>
/// The SAS cannot be revoked and stays valid after completion, so the pipeline pins the blob's ETag in the file
/// record: a blob rewritten later is refused by the push and by staged reads instead of passing for the file.
/// A user-delegation SAS (for a managed identity, which holds no account key) is not implemented yet:
/// <see cref="IsAvailable"/> is then false.
/// </para>
/// </summary>
internal sealed partial class DirectUploadService(
    UploadSessionStore sessions,
    IBlobStorage blobs,
    UploadPipeline pipeline,
    FileIndex files,
    StorageNames names,
    IOptions<UploadOptions> uploads,
    IOptions<LargeUploadOptions> options,
    TimeProvider time,
    ILogger<DirectUploadService> logger)
{
    /// <summary>True when the storage credential can sign a SAS (an account key; not a managed identity).</summary>
    public bool IsAvailable => blobs.CanCreateSas;

    /// <summary>Records a pending upload and signs its blob URL.</summary>
    /// <exception cref="UploadTooLargeException">The declared size is over the limit; nothing was created.</exception>
    /// <exception cref="InvalidOperationException">The credential cannot sign a SAS (<see cref="IsAvailable"/> is false).</exception>
    public async Task<DirectUploadTicket> CreateAsync(DirectUploadCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        if (!IsAvailable)
        {
            throw new InvalidOperationException("Direct uploads need a storage credential that can sign a SAS.");
        }

        var limit = uploads.Value.MaxFileBytes;
        if (creation.Size > limit)
        {
            throw new UploadTooLargeException(limit);
        }

        await pipeline.EnsureUploadRoomAsync(creation.OwnerId, creation.Size, cancellationToken);
        var now = time.GetUtcNow();
        // Inserting the row also creates the staging container the client is about to write into.
        var session = await sessions.InsertAsync(new UploadSession
        {
            OwnerId = creation.OwnerId,
            Id = UploadPipeline.NewFileId(),
            Kind = UploadSessionKind.Direct,
            Name = creation.Name,
            ContentType = creation.ContentType,
            Length = creation.Size,
            CreatedAt = now,
            ExpiresAt = now + options.Value.UploadExpiry,
        }, cancellationToken);
        var sasExpiresAt = now + options.Value.SasLifetime;
        var blobUrl = blobs.CreateSasUri(names.StagingContainer, session.StagedBlob, BlobSasPermissions.Create | BlobSasPermissions.Write, sasExpiresAt);
        LogCreated(logger, session.Id, sasExpiresAt);
        return new DirectUploadTicket(session, blobUrl, sasExpiresAt, uploads.Value.BlockSizeBytes);
    }

    /// <summary>
    /// Completes an upload: the blob must be committed (and of the declared size); then it becomes a file.
    /// Completing again answers <see cref="DirectCompletionStatus.AlreadyCompleted"/> with the same file.
    /// </summary>
    public async Task<DirectCompletion> CompleteAsync(string ownerId, string uploadId, CancellationToken cancellationToken = default)
    {
        var session = await sessions.GetAsync(ownerId, uploadId, UploadSessionKind.Direct, cancellationToken);
        if (session is null)
        {
            return new DirectCompletion(DirectCompletionStatus.NotFound);
        }

        if (session.IsComplete)
        {
            var done = await files.GetAsync(ownerId, session.FileId!, cancellationToken);
            return done is null ? new DirectCompletion(DirectCompletionStatus.NotFound) : new DirectCompletion(DirectCompletionStatus.AlreadyCompleted, done);
        }

        if (session.IsExpired(time.GetUtcNow()))
        {
            return new DirectCompletion(DirectCompletionStatus.Expired);
        }

        var committed = await blobs.GetPropertiesAsync(names.StagingContainer, session.StagedBlob, cancellationToken);
        if (committed is null)
        {
            return new DirectCompletion(DirectCompletionStatus.NotCommitted);
        }

        if (session.Length is { } declared && committed.ContentLength != declared)
        {
            return new DirectCompletion(DirectCompletionStatus.SizeMismatch, Committed: committed.ContentLength, Declared: declared);
        }

        FileRecord? file;
        try
        {
            file = await pipeline.AdoptStagedAsync(new StagedUpload(ownerId, session.Id, session.Name, session.ContentType), cancellationToken);
        }
        catch (UploadTooLargeException)
        {
            return new DirectCompletion(DirectCompletionStatus.TooLarge);
        }
        catch (StagedBlobChangedException)
        {
            return new DirectCompletion(DirectCompletionStatus.Changed);
        }

        if (file is null)
        {
            return new DirectCompletion(DirectCompletionStatus.NotCommitted);
        }

        // A concurrent completion may have marked the row first; the file is the same either way.
        await sessions.TryUpdateAsync(session with { FileId = file.Id, Offset = file.Size }, cancellationToken);
        return new DirectCompletion(DirectCompletionStatus.Completed, file);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created direct upload {UploadId}; its URL expires at {ExpiresAt}")]
    private static partial void LogCreated(ILogger logger, string uploadId, DateTimeOffset expiresAt);
}
