using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Handles one push delivered by the Functions host's queue trigger (DESIGN.md §2), settled as
/// <see cref="HostedQueueWorker.SettleTriggeredAsync"/> describes.
/// </summary>
public sealed class TriggeredPushHandler(
    PushProcessor processor, IQueueStorage queues, StorageBootstrap bootstrap, StorageNames names, IOptions<UploadOptions> options, ILogger<TriggeredPushHandler> logger)
{
    /// <summary>Processes the message and settles it; returns what became of the push.</summary>
    public async Task<PushOutcome> HandleAsync(string? messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var outcome = await processor.ProcessAsync(messageText, dequeueCount, cancellationToken);
        await HostedQueueWorker.SettleTriggeredAsync(
            queues, HostedPushWorker.PushQueueSettings(names, options.Value), messageText, outcome.ToJobResult(), logger, cancellationToken);
        await HostedQueueWorker.RecordDepthAsync(queues, names.PushQueue, logger, cancellationToken);
        return outcome;
    }
}
