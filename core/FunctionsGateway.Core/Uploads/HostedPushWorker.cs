using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Polls the push queue when no Functions host delivers it (local runs, tests; DESIGN.md §2): the
/// <see cref="HostedQueueWorker"/> loop over <see cref="PushProcessor"/>.
/// </summary>
public sealed class HostedPushWorker(
    IQueueStorage queues,
    PushProcessor processor,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<HostedPushWorker> logger) : HostedQueueWorker(queues, bootstrap, time, logger)
{
    protected override QueueWorkerSettings Settings { get; } = PushQueueSettings(names, options.Value);

    /// <summary>The push queue as a worker serves it.</summary>
    internal static QueueWorkerSettings PushQueueSettings(StorageNames names, UploadOptions options) =>
        new(names.PushQueue, names.PushPoisonQueue, options.PushVisibilityTimeout, options.PushPollInterval);

    protected override async Task<QueueJobResult> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken) =>
        (await processor.ProcessAsync(messageText, dequeueCount, cancellationToken)).ToJobResult();
}
