using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Pins;

/// <summary>Polls the pin queue when no Functions host delivers it: the <see cref="HostedQueueWorker"/> loop over <see cref="PinJobProcessor"/>.</summary>
internal sealed class HostedPinWorker(
    IQueueStorage queues,
    PinJobProcessor processor,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<PinOptions> options,
    TimeProvider time,
    ILogger<HostedPinWorker> logger) : HostedQueueWorker(queues, bootstrap, time, logger)
{
    protected override QueueWorkerSettings Settings { get; } = PinQueueSettings(names, options.Value);

    /// <summary>The pin queue as a worker serves it.</summary>
    internal static QueueWorkerSettings PinQueueSettings(StorageNames names, PinOptions options) =>
        new(names.PinQueue, names.PinPoisonQueue, options.VisibilityTimeout, options.PollInterval);

    protected override Task<QueueJobResult> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken) =>
        processor.ProcessAsync(messageText, cancellationToken);
}
