using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads.Tus;

/// <summary>
/// tus 1.0.0 uploads on Azure block staging (spec/standards.md §6.3): each PATCH becomes Put Blocks of at most
/// <see cref="UploadOptions.BlockSizeBytes"/> with ids continuing the upload's block count; the offset and the
/// count live in the uploads table; the PATCH that reaches <c>Upload-Length</c> commits the block list and hands
/// the blob to <see cref="UploadPipeline.AdoptStagedAsync"/>.
/// <para>
/// A PATCH first claims its upload with an ETag-conditional write (<see cref="UploadSession.LockId"/>), so of two
/// PATCHes at one offset only one stages anything; the other gets <see cref="TusStatus.Busy"/>. A claim lapses
/// after twice <see cref="LargeUploadOptions.TusPatchTimeLimit"/>, and a PATCH stops reading at that limit, so a
/// lapsed claim's holder has long stopped staging when someone else takes over and reuses its block ids.
/// </para>
/// <para>
/// What a PATCH received is kept even when its body is cut off (tus: the server SHOULD accept as much as
/// possible), unless it carries a checksum, which a partial body cannot match. Nothing of a PATCH is cancelled by
/// the client leaving (see <see cref="AppendAsync"/>), so every byte that reached the server is staged.
/// </para>
/// </summary>
internal sealed partial class TusUploadService(
    UploadSessionStore sessions,
    BlockBlobWriter writer,
    IBlobStorage blobs,
    UploadPipeline pipeline,
    FileIndex files,
    StorageNames names,
    IOptions<UploadOptions> uploads,
    IOptions<LargeUploadOptions> options,
    TimeProvider time,
    ILogger<TusUploadService> logger)
{
    /// <summary>The largest <c>Upload-Length</c> accepted (<c>Tus-Max-Size</c>).</summary>
    public long MaxSize => uploads.Value.MaxFileBytes;

    /// <summary>Creates an upload (tus creation). <c>Upload-Length: 0</c> is complete at once.</summary>
    /// <exception cref="UploadTooLargeException">The length is over <see cref="MaxSize"/>; nothing was created.</exception>
    public async Task<UploadSession> CreateAsync(TusCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        ArgumentOutOfRangeException.ThrowIfNegative(creation.Length);
        if (creation.Length > MaxSize)
        {
            throw new UploadTooLargeException(MaxSize);
        }

        await pipeline.EnsureUploadRoomAsync(creation.OwnerId, creation.Length, cancellationToken);
        var now = time.GetUtcNow();
        var id = UploadPipeline.NewFileId();
        var session = await sessions.InsertAsync(new UploadSession
        {
            OwnerId = creation.OwnerId,
            Id = id,
            Kind = UploadSessionKind.Tus,
            Name = creation.Name ?? id,
            ContentType = creation.ContentType,
            Length = creation.Length,
            Metadata = string.IsNullOrEmpty(creation.Metadata) ? null : creation.Metadata,
            CreatedAt = now,
            ExpiresAt = now + options.Value.UploadExpiry,
        }, cancellationToken);
        LogCreated(logger, id, creation.Length);
        return creation.Length == 0 ? (await FinishAsync(session, cancellationToken)).Session! : session;
    }

    /// <summary>The owner's tus upload: <see cref="TusStatus.Ok"/>, <see cref="TusStatus.NotFound"/> or <see cref="TusStatus.Expired"/>.</summary>
    public async Task<TusResult> GetAsync(string ownerId, string uploadId, CancellationToken cancellationToken = default)
    {
        var session = await sessions.GetAsync(ownerId, uploadId, UploadSessionKind.Tus, cancellationToken);
        return session is null ? new TusResult(TusStatus.NotFound)
            : session.IsExpired(time.GetUtcNow()) ? new TusResult(TusStatus.Expired, session)
            : new TusResult(TusStatus.Ok, session);
    }

    /// <summary>
    /// One PATCH: checks the offset, claims the upload, stages the body and advances the offset; at the end of
    /// the upload commits it and records the file (<see cref="UploadSession.FileId"/>). Nothing moves on any
    /// status but <see cref="TusStatus.Ok"/>.
    /// </summary>
    /// <remarks>
    /// Deliberately without a cancellation token: a client that leaves must not cancel anything, because what it
    /// sent before leaving is kept. Reading the body ends by itself when the connection goes (after the bytes the
    /// server already holds) or at <see cref="LargeUploadOptions.TusPatchTimeLimit"/>; storage requests are bounded by
    /// the storage timeouts.
    /// </remarks>
    public async Task<TusResult> AppendAsync(string ownerId, string uploadId, TusPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var found = await GetAsync(ownerId, uploadId, CancellationToken.None);
        if (found.Status != TusStatus.Ok)
        {
            return found;
        }

        var session = found.Session!;
        var now = time.GetUtcNow();
        if (patch.Offset != session.Offset)
        {
            return new TusResult(TusStatus.OffsetMismatch, session);
        }

        if (patch.ContentLength > Remaining(session))
        {
            return new TusResult(TusStatus.TooLarge, session);
        }

        if (session.IsComplete)
        {
            return found;
        }

        var claimed = session.IsLocked(now) ? null : await ClaimAsync(session, now, CancellationToken.None);
        if (claimed is null)
        {
            return new TusResult(TusStatus.Busy, session);
        }

        try
        {
            return await AppendClaimedAsync(claimed, patch);
        }
        catch (Exception)
        {
            await ReleaseAfterFailureAsync(claimed);
            throw;
        }
    }

    /// <summary>Terminates an upload (tus termination): its staged blocks are discarded and the row deleted.
    /// A finished upload's file stays; only the upload goes.</summary>
    public async Task<TusResult> TerminateAsync(string ownerId, string uploadId, CancellationToken cancellationToken = default)
    {
        var session = await sessions.GetAsync(ownerId, uploadId, UploadSessionKind.Tus, cancellationToken);
        if (session is null)
        {
            return new TusResult(TusStatus.NotFound);
        }

        var now = time.GetUtcNow();
        var claimed = session.IsLocked(now) ? null : await ClaimAsync(session, now, cancellationToken);
        if (claimed is null)
        {
            return new TusResult(TusStatus.Busy, session);
        }

        try
        {
            if (!claimed.IsComplete && await files.GetAsync(ownerId, uploadId, cancellationToken) is null)
            {
                // Delete Blob needs a committed blob; committing an empty list drops the uncommitted blocks at once
                // instead of leaving them to the service's one-week clean-up.
                await blobs.CommitBlockListAsync(names.StagingContainer, claimed.StagedBlob, [], headers: null, cancellationToken);
                await blobs.DeleteAsync(names.StagingContainer, claimed.StagedBlob, cancellationToken);
            }

            return await sessions.TryDeleteAsync(claimed, cancellationToken)
                ? new TusResult(TusStatus.Ok, claimed)
                : new TusResult(TusStatus.Busy, claimed);
        }
        catch (Exception)
        {
            await ReleaseAfterFailureAsync(claimed);
            throw;
        }
    }

    private static long Remaining(UploadSession session) => (session.Length ?? 0) - session.Offset;

    private static UploadSession Released(UploadSession session) => session with { LockId = null, LockExpiresAt = null };

    private async Task<TusResult> AppendClaimedAsync(UploadSession claimed, TusPatch patch)
    {
        using var deadline = new CancellationTokenSource(options.Value.TusPatchTimeLimit, time);
        using var hash = patch.Checksum?.CreateHash();
        StagedBlocks staged;
        try
        {
            staged = await writer.StageAsync(
                new BlockStaging(names.StagingContainer, claimed.StagedBlob, patch.Body, uploads.Value.BlockSizeBytes, Remaining(claimed))
                {
                    FirstBlock = claimed.BlockCount,
                    Observe = hash is null ? null : block => hash.AppendData(block.Span),
                    SourceCancellation = deadline.Token,
                    KeepReceivedOnSourceFailure = true,
                },
                CancellationToken.None);
        }
        catch (UploadTooLargeException)
        {
            // The body went past Upload-Length (or past the block limit): none of it counts.
            return new TusResult(TusStatus.TooLarge, await ReleaseAsync(claimed) ?? claimed);
        }

        if (staged.SourceFailure is { } failure)
        {
            LogInterrupted(logger, failure, claimed.Id, staged.Bytes);
        }

        if (hash is not null && (staged.SourceFailure is not null || !patch.Checksum!.Matches(hash.GetHashAndReset())))
        {
            // A body cut short cannot match its checksum; either way nothing of it is kept.
            var released = await ReleaseAsync(claimed) ?? claimed;
            return new TusResult(staged.SourceFailure is null ? TusStatus.ChecksumMismatch : TusStatus.Ok, released);
        }

        var advanced = claimed with { Offset = claimed.Offset + staged.Bytes, BlockCount = claimed.BlockCount + staged.Blocks };
        if (advanced.Offset == advanced.Length)
        {
            try
            {
                return await FinishAsync(advanced, CancellationToken.None);
            }
            catch (StagedBlobChangedException)
            {
                // Only a second writer after a lapsed claim gets here; the client resumes after a HEAD.
                return new TusResult(TusStatus.Busy, await ReleaseAsync(claimed) ?? claimed);
            }
        }

        var saved = await sessions.TryUpdateAsync(Released(advanced), CancellationToken.None);
        return saved is null ? new TusResult(TusStatus.Busy, claimed) : new TusResult(TusStatus.Ok, saved);
    }

    /// <summary>Commits every staged block in order and records the file; the session (claimed or just created) is released as finished.</summary>
    private async Task<TusResult> FinishAsync(UploadSession session, CancellationToken cancellationToken)
    {
        // A previous attempt may have recorded the file and failed just after; committing again would change the
        // blob the record pinned.
        var file = await files.GetAsync(session.OwnerId, session.Id, cancellationToken);
        if (file is null)
        {
            await blobs.CommitBlockListAsync(
                names.StagingContainer, session.StagedBlob, BlockBlobWriter.BlockIds(0, session.BlockCount), new BlobHttpHeaders(session.ContentType), cancellationToken);
            try
            {
                file = await pipeline.AdoptStagedAsync(new StagedUpload(session.OwnerId, session.Id, session.Name, session.ContentType), cancellationToken)
                    ?? throw new InvalidOperationException($"The staged blob of upload {session.Id} vanished right after its commit.");
            }
            catch (UploadTooLargeException)
            {
                // The limit was lowered after the upload was created; the pipeline has deleted the blob, so the upload is over.
                await sessions.TryDeleteAsync(session, cancellationToken);
                return new TusResult(TusStatus.TooLarge, session);
            }
            catch (QuotaExceededException)
            {
                // A parallel upload took the room the quota had at creation: the pipeline has deleted the blob.
                await sessions.TryDeleteAsync(session, CancellationToken.None);
                throw;
            }
        }

        var finished = Released(session with { FileId = file.Id });
        return new TusResult(TusStatus.Ok, await sessions.TryUpdateAsync(finished, cancellationToken) ?? finished);
    }

    private Task<UploadSession?> ClaimAsync(UploadSession session, DateTimeOffset now, CancellationToken cancellationToken) =>
        sessions.TryUpdateAsync(
            session with
            {
                LockId = Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture),
                LockExpiresAt = now + (2 * options.Value.TusPatchTimeLimit),
            },
            cancellationToken);

    private Task<UploadSession?> ReleaseAsync(UploadSession claimed) => sessions.TryUpdateAsync(Released(claimed), CancellationToken.None);

    /// <summary>Releases the claim on the way out of a failure; if storage refuses that too, the claim lapses by itself.</summary>
    private async Task ReleaseAfterFailureAsync(UploadSession claimed)
    {
        try
        {
            await ReleaseAsync(claimed);
        }
        catch (AzureStorageException e)
        {
            LogReleaseFailed(logger, e, claimed.Id, claimed.LockExpiresAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created tus upload {UploadId} of {Length} bytes")]
    private static partial void LogCreated(ILogger logger, string uploadId, long length);

    [LoggerMessage(Level = LogLevel.Information, Message = "PATCH of tus upload {UploadId} ended early after {Bytes} bytes")]
    private static partial void LogInterrupted(ILogger logger, Exception reason, string uploadId, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release tus upload {UploadId}; its claim lapses at {LockExpiresAt}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string uploadId, DateTimeOffset? lockExpiresAt);
}
