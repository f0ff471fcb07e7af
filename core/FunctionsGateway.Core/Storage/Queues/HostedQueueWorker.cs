using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Storage.Queues;

/// <summary>
/// Polls one queue when no Functions host delivers it (local runs, tests; DESIGN.md §2) and settles each message as
/// its job says: a retry is scheduled by hiding the message for the delay; a message out of attempts, or one that is
/// not a message of this queue, moves to the poison queue, as the Functions host does after <c>maxDequeueCount</c>.
/// The push worker and the pin worker are both this loop over their own job.
/// </summary>
public abstract partial class HostedQueueWorker(IQueueStorage queues, StorageBootstrap bootstrap, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The queue served and how.</summary>
    protected abstract QueueWorkerSettings Settings { get; }

    /// <summary>Receives and processes one batch; returns how many messages it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var messages = await queues.ReceiveAsync(settings.Queue, 8, settings.VisibilityTimeout, cancellationToken);
        await RecordDepthAsync(queues, settings.Queue, logger, cancellationToken);
        foreach (var message in messages)
        {
            var result = await ProcessAsync(message.Text, message.DequeueCount, cancellationToken);
            switch (result.Settlement)
            {
                case QueueJobSettlement.Retry:
                    await queues.UpdateVisibilityAsync(settings.Queue, message.MessageId, message.PopReceipt!, result.RetryAfter, cancellationToken);
                    break;
                case QueueJobSettlement.Poison:
                    await queues.SendAsync(settings.PoisonQueue, message.Text, cancellationToken: cancellationToken);
                    await queues.DeleteAsync(settings.Queue, message.MessageId, message.PopReceipt!, cancellationToken);
                    LogPoisoned(logger, message.MessageId, settings.Queue, result.Reason);
                    break;
                default:
                    await queues.DeleteAsync(settings.Queue, message.MessageId, message.PopReceipt!, cancellationToken);
                    break;
            }
        }

        return messages.Count;
    }

    /// <summary>Runs the job of one message. <paramref name="dequeueCount"/> is the queue's count, 1 on the first delivery.</summary>
    protected abstract Task<QueueJobResult> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = Settings.PollInterval;
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
                LogPollFailed(logger, e, Settings.Queue, wait);
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

    /// <summary>
    /// Settles a message the Functions host's queue trigger delivered (DESIGN.md §2). The host retries a failed
    /// invocation after its fixed <c>visibilityTimeout</c>, so backoff is done here instead: a retry is put back on the
    /// queue hidden for the delay and the invocation succeeds; poison goes to the poison queue as the host itself would
    /// do. The invocation fails (and the host retries it) only when storage itself fails.
    /// </summary>
    public static async Task SettleTriggeredAsync(
        IQueueStorage queues, QueueWorkerSettings settings, string? messageText, QueueJobResult result, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(settings);
        switch (result.Settlement)
        {
            case QueueJobSettlement.Retry:
                await queues.SendAsync(settings.Queue, messageText!, visibilityDelay: result.RetryAfter, cancellationToken: cancellationToken);
                break;
            case QueueJobSettlement.Poison:
                await queues.SendAsync(settings.PoisonQueue, messageText ?? "", cancellationToken: cancellationToken);
                LogPoisoned(logger, "(triggered)", settings.Queue, result.Reason);
                break;
        }
    }

    /// <summary>
    /// Records <see cref="GatewayTelemetry.QueueDepth"/> when something listens to it (one Get Queue Metadata request);
    /// does nothing otherwise. A failure to read the depth is logged and does not fail the work.
    /// </summary>
    public static async Task RecordDepthAsync(IQueueStorage queues, string queue, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        if (!GatewayTelemetry.QueueDepth.Enabled)
        {
            return;
        }

        try
        {
            GatewayTelemetry.QueueDepth.Record(await queues.GetApproximateMessageCountAsync(queue, cancellationToken), new KeyValuePair<string, object?>("queue", queue));
        }
        catch (AzureStorageException e)
        {
            LogDepthUnknown(logger, e, queue);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The depth of {Queue} could not be read")]
    private static partial void LogDepthUnknown(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {Queue} moved to the poison queue: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Queue} failed; next try in {Wait}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue, TimeSpan wait);
}
