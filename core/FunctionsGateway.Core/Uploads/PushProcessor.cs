using System.Diagnostics;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Moves one staged file to its backend (DESIGN.md §4 step 3). Idempotent: a delivery for a file that is
/// already stored, failed or deleted does nothing, and the state change is conditional on the row's ETag
/// so two workers racing on one message record one result. The same code runs under the Functions queue
/// trigger and under the hosted poller.
/// </summary>
public sealed partial class PushProcessor(
    FileIndex files,
    IBlobStorage blobs,
    StorageBackendRegistry backends,
    StorageNames names,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<PushProcessor> logger)
{
    /// <summary>Processes one delivery. <paramref name="dequeueCount"/> is the queue's count, 1 on the first delivery.</summary>
    public async Task<PushOutcome> ProcessAsync(string? messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        var message = PushMessage.TryParse(messageText);
        if (message is null)
        {
            return new PushOutcome(PushOutcomeKind.Malformed, Reason: "not a push message");
        }

        var record = await files.GetAsync(message.OwnerId, message.FileId, cancellationToken);
        if (record is null || record.State != FileState.Staged)
        {
            return new PushOutcome(PushOutcomeKind.AlreadyDone);
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = GatewayTelemetry.Source.StartActivity("push");
        activity?.SetTag("gateway.file.id", record.Id);
        activity?.SetTag("gateway.backend", record.Backend);
        var outcome = await PushAsync(record, dequeueCount, cancellationToken);
        activity?.SetTag("gateway.push.outcome", outcome.Kind.ToString());
        if (outcome.Kind is PushOutcomeKind.Retry or PushOutcomeKind.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Reason);
        }

        var backendTag = new KeyValuePair<string, object?>("backend", record.Backend);
        GatewayTelemetry.PushDuration.Record(
            GatewayTelemetry.SecondsSince(started), backendTag, new KeyValuePair<string, object?>("outcome", outcome.Kind.ToString().ToLowerInvariant()));
        if (outcome.Kind == PushOutcomeKind.Retry)
        {
            GatewayTelemetry.PushRetries.Add(1, backendTag);
        }

        return outcome;
    }

    private async Task<PushOutcome> PushAsync(FileRecord record, long dequeueCount, CancellationToken cancellationToken)
    {
        var backend = backends.Find(record.Backend);
        try
        {
            if (backend is null)
            {
                throw new InvalidOperationException($"Backend '{record.Backend}' is not configured.");
            }

            var backendRef = await backend.StoreAsync(record, OpenStagedAsync(record), cancellationToken);
            var stored = await files.TryUpdateAsync(record with
            {
                State = FileState.Stored,
                BackendRef = backendRef,
                Attempts = record.Attempts + 1,
                LastError = null,
                UpdatedAt = time.GetUtcNow(),
            }, cancellationToken);
            if (stored is null)
            {
                // Another worker or a delete got there first; its result stands.
                return new PushOutcome(PushOutcomeKind.AlreadyDone);
            }

            await blobs.DeleteAsync(names.StagingContainer, record.StagedBlob, cancellationToken);
            LogStored(logger, record.Id, record.Backend);
            return new PushOutcome(PushOutcomeKind.Stored);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A push fails for reasons outside this process (backend down, storage throttled); record why and retry.
            var reason = $"{e.GetType().Name}: {e.Message}";
            // Under the Functions host a retry is a fresh message (its dequeue count starts again at 1), so the
            // record's own count is the reliable one; under the hosted poller both agree.
            var attempt = Math.Max(dequeueCount, record.Attempts + 1);
            var outOfAttempts = attempt >= options.Value.PushMaxAttempts || e is PushRejectedException;
            await files.TryUpdateAsync(record with
            {
                State = outOfAttempts ? FileState.Failed : FileState.Staged,
                Attempts = record.Attempts + 1,
                LastError = reason,
                UpdatedAt = time.GetUtcNow(),
            }, cancellationToken);
            LogPushFailed(logger, e, record.Id, record.Backend, attempt);
            return outOfAttempts
                ? new PushOutcome(PushOutcomeKind.Failed, Reason: reason)
                : new PushOutcome(PushOutcomeKind.Retry, Backoff(attempt), reason);
        }
    }

    /// <summary>Exponential backoff: base × 2^(n-1), capped.</summary>
    public TimeSpan Backoff(long dequeueCount)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Clamp(dequeueCount - 1, 0, 30));
        var delay = TimeSpan.FromMilliseconds(o.PushBaseDelay.TotalMilliseconds * factor);
        return delay < o.PushMaxDelay ? delay : o.PushMaxDelay;
    }

    private Func<CancellationToken, Task<Stream>> OpenStagedAsync(FileRecord record) => async ct =>
    {
        var download = await blobs.DownloadAsync(names.StagingContainer, record.StagedBlob, range: null, ct)
            ?? throw new InvalidOperationException($"Staged blob {record.StagedBlob} is missing.");
        if (!record.IsStagedVersion(download.Properties))
        {
            await download.DisposeAsync();
            throw new InvalidOperationException($"Staged blob {record.StagedBlob} was rewritten after the file was recorded; its digests no longer describe it.");
        }

        return download.Content;
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {FileId} to {Backend}")]
    private static partial void LogStored(ILogger logger, string fileId, string backend);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push of {FileId} to {Backend} failed on attempt {Attempt}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string fileId, string backend, long attempt);
}
