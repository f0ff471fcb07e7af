using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Handles one push delivered by the Functions host's queue trigger (DESIGN.md §2). The host retries a
/// failed invocation after its fixed <c>visibilityTimeout</c>, so backoff is done here instead: a retry is
/// put back on the queue hidden for the backoff delay and the invocation succeeds; a push out of attempts,
/// or a message that is not a push, goes to the poison queue as the host itself would do. The invocation
/// fails (and the host retries it) only when storage itself fails.
/// </summary>
public sealed partial class TriggeredPushHandler(PushProcessor processor, IQueueStorage queues, StorageBootstrap bootstrap, StorageNames names, ILogger<TriggeredPushHandler> logger)
{
    /// <summary>Processes the message and settles it; returns what became of the push.</summary>
    public async Task<PushOutcome> HandleAsync(string? messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var outcome = await processor.ProcessAsync(messageText, dequeueCount, cancellationToken);
        switch (outcome.Kind)
        {
            case PushOutcomeKind.Retry:
                await queues.SendAsync(names.PushQueue, messageText!, visibilityDelay: outcome.RetryAfter, cancellationToken: cancellationToken);
                break;
            case PushOutcomeKind.Failed or PushOutcomeKind.Malformed:
                await queues.SendAsync(names.PushPoisonQueue, messageText ?? "", cancellationToken: cancellationToken);
                LogPoisoned(logger, outcome.Reason);
                break;
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push message moved to the poison queue: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string? reason);
}
