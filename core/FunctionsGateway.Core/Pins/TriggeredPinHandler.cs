using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Pins;

/// <summary>Handles one pin job delivered by the Functions host's queue trigger, settled as <see cref="HostedQueueWorker.SettleTriggeredAsync"/> describes.</summary>
internal sealed class TriggeredPinHandler(
    PinJobProcessor processor, IQueueStorage queues, StorageBootstrap bootstrap, StorageNames names, IOptions<PinOptions> options, ILogger<TriggeredPinHandler> logger)
{
    public async Task<QueueJobResult> HandleAsync(string? messageText, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var result = await processor.ProcessAsync(messageText, cancellationToken);
        await HostedQueueWorker.SettleTriggeredAsync(queues, HostedPinWorker.PinQueueSettings(names, options.Value), messageText, result, logger, cancellationToken);
        return result;
    }
}
