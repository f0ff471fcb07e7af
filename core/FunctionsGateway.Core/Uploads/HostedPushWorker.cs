using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Polls the push queue when no Functions host delivers it (local runs, tests; DESIGN.md §2). Retries are
/// scheduled by hiding the message for the backoff delay; a message out of attempts, or one that is not a
/// push message, moves to the poison queue, as the Functions host does after <c>maxDequeueCount</c>.
/// </summary>
public sealed partial class HostedPushWorker(
    IQueueStorage queues,
    PushProcessor processor,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<HostedPushWorker> logger) : BackgroundService
{
    /// <summary>Receives and processes one batch; returns how many messages it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var messages = await queues.ReceiveAsync(names.PushQueue, 8, options.Value.PushVisibilityTimeout, cancellationToken);
        foreach (var message in messages)
        {
            var outcome = await processor.ProcessAsync(message.Text, message.DequeueCount, cancellationToken);
            switch (outcome.Kind)
            {
                case PushOutcomeKind.Retry:
                    await queues.UpdateVisibilityAsync(names.PushQueue, message.MessageId, message.PopReceipt!, outcome.RetryAfter, cancellationToken);
                    break;
                case PushOutcomeKind.Failed or PushOutcomeKind.Malformed:
                    await queues.SendAsync(names.PushPoisonQueue, message.Text, cancellationToken: cancellationToken);
                    await queues.DeleteAsync(names.PushQueue, message.MessageId, message.PopReceipt!, cancellationToken);
                    LogPoisoned(logger, message.MessageId, outcome.Reason);
                    break;
                default:
                    await queues.DeleteAsync(names.PushQueue, message.MessageId, message.PopReceipt!, cancellationToken);
                    break;
            }
        }

        return messages.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = options.Value.PushPollInterval;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var handled = await RunOnceAsync(stoppingToken);
                failures = 0;
                wait = handled > 0 ? TimeSpan.Zero : idle;
            }
            catch (AzureStorageException e)
            {
                // Storage is down: keep polling, slower, until it returns.
                failures++;
                wait = TimeSpan.FromMilliseconds(Math.Min(30_000, idle.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 5))));
                LogPollFailed(logger, e, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push message {MessageId} moved to the poison queue: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the push queue failed; next try in {Wait}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, TimeSpan wait);
}
