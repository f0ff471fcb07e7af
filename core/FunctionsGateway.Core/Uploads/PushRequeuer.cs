using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Gives a file whose push ran out of attempts a fresh retry budget (DESIGN.md §4 step 3, §6): the record goes back to
/// <c>staged</c> with its attempts reset (the last error is kept until the next attempt replaces it) and a push
/// message is enqueued. A file still <c>staged</c> is re-enqueued as it is, for a push whose message was lost; the push
/// is idempotent, so a second message for one file costs one extra read. The poison queue keeps its copy as the record
/// of the failure; replaying it later is harmless for the same reason.
/// </summary>
public sealed partial class PushRequeuer(FileIndex files, IQueueStorage queues, StorageBootstrap bootstrap, StorageNames names, TimeProvider time, ILogger<PushRequeuer> logger)
{
    /// <summary>How many times a lost ETag race is retried before giving up with <see cref="PushRequeueStatus.Conflict"/>.</summary>
    private const int MaxRaces = 3;

    /// <summary>Re-queues the push of one file.</summary>
    public async Task<PushRequeueResult> RequeueAsync(string ownerId, string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        for (var race = 0; race < MaxRaces; race++)
        {
            var record = await files.GetAsync(ownerId, fileId, cancellationToken);
            if (record is null)
            {
                return new PushRequeueResult(PushRequeueStatus.NotFound, null);
            }

            if (record.State == FileState.Stored)
            {
                return new PushRequeueResult(PushRequeueStatus.AlreadyStored, record);
            }

            var updated = record.State == FileState.Staged
                ? record
                : await files.TryUpdateAsync(record with { State = FileState.Staged, Attempts = 0, UpdatedAt = time.GetUtcNow() }, cancellationToken);
            if (updated is null)
            {
                continue;
            }

            // After the record: a message that finds the file still failed would be dropped as already done.
            await queues.SendAsync(names.PushQueue, new PushMessage(ownerId, fileId).ToJson(), cancellationToken: cancellationToken);
            LogRequeued(logger, fileId, record.State);
            return new PushRequeueResult(PushRequeueStatus.Requeued, updated);
        }

        return new PushRequeueResult(PushRequeueStatus.Conflict, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push of {FileId} re-queued by an operator (was {State})")]
    private static partial void LogRequeued(ILogger logger, string fileId, FileState state);
}

/// <summary>What <see cref="PushRequeuer.RequeueAsync"/> did.</summary>
public enum PushRequeueStatus
{
    /// <summary>A push message is on the queue; the file is <c>staged</c>.</summary>
    Requeued,

    /// <summary>No file of this owner has this id.</summary>
    NotFound,

    /// <summary>The backend already holds the file; nothing was queued.</summary>
    AlreadyStored,

    /// <summary>The record kept changing under the request (a push running right now); try again.</summary>
    Conflict,
}

/// <summary>The status with the file record as it now is (null when not found or after a conflict).</summary>
public sealed record PushRequeueResult(PushRequeueStatus Status, FileRecord? Record);
