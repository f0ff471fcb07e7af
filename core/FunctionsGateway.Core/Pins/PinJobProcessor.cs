using System.Globalization;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Dag;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Core.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Pins;

/// <summary>
/// The pin worker's job (one <see cref="PinJobMessage"/>): moves a request <c>queued</c> → <c>pinning</c> → <c>pinned</c>.
/// Content this gateway holds whole in its blockstore is pinned at once (and, when an IPFS node is configured, imported
/// into it as a CAR); anything else is asked of the node (<c>pin/add</c>, after dialling the pin's <c>origins</c> with
/// <c>swarm/connect</c>, best effort), for at most <see cref="PinOptions.AttemptTimeout"/> per attempt. Content that
/// cannot be fetched yet goes back to <c>queued</c> and is retried with exponential backoff until
/// <see cref="PinOptions.FetchDeadline"/> after its creation; then it is <c>failed</c>, with <c>info.status_details</c>
/// saying why. Every state change is conditional on the row's ETag, so a request deleted or replaced meanwhile is left
/// alone. A pinned DAG of known size is charged to its owner's pinned bytes; one that does not fit the owner's quota
/// is <c>failed</c> with the quota in <c>info.status_details</c>. Any surface may queue jobs (<see cref="PinRequestService.AddAsync"/> with its own source).
/// </summary>
internal sealed partial class PinJobProcessor(
    PinRequestStore store,
    BlobBlockStore blocks,
    UsageStore usage,
    IOptions<PinOptions> options,
    TimeProvider time,
    ILogger<PinJobProcessor> logger,
    KuboRpcClient? node = null)
{
    private static readonly TimeSpan OriginDialTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Processes one delivery.</summary>
    public async Task<QueueJobResult> ProcessAsync(string? messageText, CancellationToken cancellationToken = default)
    {
        var message = PinJobMessage.TryParse(messageText);
        if (message is null)
        {
            return new QueueJobResult(QueueJobSettlement.Poison, Reason: "not a pin job");
        }

        var request = await store.GetByRowAsync(message.OwnerId, message.Row, cancellationToken);
        if (request is null || request.Status is PinRequestStatus.Pinned or PinRequestStatus.Failed)
        {
            return new QueueJobResult(QueueJobSettlement.Done);
        }

        var attempt = request.Attempts + 1;
        var pinning = await store.TryUpdateAsync(request with
        {
            Status = PinRequestStatus.Pinning,
            Attempts = attempt,
            Info = Details(request.Info, $"fetching (attempt {attempt})"),
        }, cancellationToken);
        if (pinning is null)
        {
            return new QueueJobResult(QueueJobSettlement.Done); // Deleted, replaced, or another worker has it.
        }

        string reason;
        try
        {
            var dagSize = await FetchAndPinAsync(pinning, cancellationToken);
            var info = Details(pinning.Info, null);
            if (dagSize is { } size)
            {
                info[PinRequest.DagSizeKey] = size.ToString(CultureInfo.InvariantCulture);
                if (await usage.ChargeAsync(pinning.OwnerId, new Usage(PinnedBytes: size), enforce: true, cancellationToken) is { } refusal)
                {
                    await store.TryUpdateAsync(pinning with { Status = PinRequestStatus.Failed, Info = Details(pinning.Info, "failed: " + refusal.ToException().Message) }, cancellationToken);
                    LogFailed(logger, pinning.RequestId, pinning.Pin.Cid, refusal.ToException().Message);
                    return new QueueJobResult(QueueJobSettlement.Done, Reason: "quota exceeded");
                }
            }

            if (await store.TryUpdateAsync(pinning with { Status = PinRequestStatus.Pinned, Info = info }, cancellationToken) is null && dagSize is { } charged)
            {
                // Deleted or replaced while it was being fetched: its bytes are not the owner's to carry.
                await usage.ChargeAsync(pinning.OwnerId, new Usage(PinnedBytes: -charged), enforce: false, CancellationToken.None);
            }

            LogPinned(logger, pinning.RequestId, pinning.Pin.Cid, attempt);
            return new QueueJobResult(QueueJobSettlement.Done);
        }
        catch (PinContentUnavailableException e)
        {
            reason = e.Message;
        }
        catch (KuboRpcException e)
        {
            reason = $"the IPFS node could not pin it: {e.Message}";
        }
        catch (InvalidDataException e)
        {
            // A corrupt or malformed block on the way: another copy may come (or be repaired) before the deadline.
            reason = $"a block of the DAG is unreadable: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"the IPFS node did not find it within {options.Value.AttemptTimeout}";
        }

        var now = time.GetUtcNow();
        var deadline = pinning.Created + options.Value.FetchDeadline;
        if (now >= deadline)
        {
            await store.TryUpdateAsync(pinning with
            {
                Status = PinRequestStatus.Failed,
                Info = Details(pinning.Info, $"failed: {reason}; gave up after {attempt} attempts, {options.Value.FetchDeadline} after the request"),
            }, cancellationToken);
            LogFailed(logger, pinning.RequestId, pinning.Pin.Cid, reason);
            return new QueueJobResult(QueueJobSettlement.Done, Reason: reason);
        }

        var delay = Backoff(attempt);
        if (now + delay > deadline)
        {
            delay = deadline - now; // One last try at the deadline.
        }

        await store.TryUpdateAsync(pinning with
        {
            Status = PinRequestStatus.Queued,
            Info = Details(pinning.Info, $"not found yet (attempt {attempt}): {reason}; next attempt in {delay.TotalSeconds:0} s, until {deadline:yyyy-MM-ddTHH:mm:ssZ}"),
        }, cancellationToken);
        LogRetry(logger, pinning.RequestId, pinning.Pin.Cid, attempt, reason);
        return new QueueJobResult(QueueJobSettlement.Retry, delay, reason);
    }

    /// <summary>Exponential backoff: base × 2^(n-1), capped.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var delay = TimeSpan.FromMilliseconds(o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
        return delay < o.RetryMaxDelay ? delay : o.RetryMaxDelay;
    }

    // Pins the DAG; returns its size in bytes when known.
    private async Task<long?> FetchAndPinAsync(PinRequest request, CancellationToken cancellationToken)
    {
        var cid = Cid.Parse(request.Pin.Cid);
        var local = await LocalDagSizeAsync(cid, cancellationToken);
        if (local is { } size)
        {
            if (node is not null)
            {
                await node.DagImportAsync((stream, ct) => WriteCarAsync(cid, stream, ct), pinRoots: true, cancellationToken);
            }

            return size;
        }

        if (node is null)
        {
            throw new PinContentUnavailableException($"{cid} is not held by this gateway, and no IPFS node is configured to fetch it from the network");
        }

        await DialOriginsAsync(request.Pin.Origins, cancellationToken);
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(options.Value.AttemptTimeout);
            await node.PinAddAsync(cid, recursive: true, attempt.Token);
        }

        try
        {
            return (long)(await node.FilesStatAsync("/ipfs/" + cid, cancellationToken)).CumulativeSize;
        }
        catch (KuboRpcException)
        {
            return null; // Not UnixFS, or the node cannot say: the pin stands without a size.
        }
    }

    // The size of the whole DAG when every block of it is in the blockstore; null when any is missing.
    private async Task<long?> LocalDagSizeAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (!await blocks.HasAsync(cid, cancellationToken))
        {
            return null;
        }

        try
        {
            long size = 0;
            await foreach (var block in new DagWalker(blocks).WalkAsync(cid, DagScope.All, cancellationToken: cancellationToken))
            {
                size += block.Data.Length;
            }

            return size;
        }
        catch (BlockNotFoundException)
        {
            return null;
        }
        catch (NotSupportedException e)
        {
            throw new PinContentUnavailableException($"{cid} links through a codec this gateway cannot walk: {e.Message}");
        }
    }

    private async Task WriteCarAsync(Cid root, Stream destination, CancellationToken cancellationToken)
    {
        var car = await CarWriter.CreateAsync(destination, [root], cancellationToken);
        await foreach (var block in new DagWalker(blocks).WalkAsync(root, DagScope.All, cancellationToken: cancellationToken))
        {
            await car.WriteBlockAsync(block.Cid, block.Data, cancellationToken);
        }
    }

    // Provider hints are best effort (spec: a dial failure must not fail the pin): each is dialled once, in parallel.
    private async Task DialOriginsAsync(IReadOnlyList<string> origins, CancellationToken cancellationToken)
    {
        await Task.WhenAll(origins.Select(async origin =>
        {
            using var dial = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            dial.CancelAfter(OriginDialTimeout);
            try
            {
                await node!.SwarmConnectAsync(origin, dial.Token);
            }
            catch (Exception e) when (e is KuboRpcException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogDialFailed(logger, origin, e.Message);
            }
        }));
    }

    private static Dictionary<string, string> Details(IReadOnlyDictionary<string, string> info, string? details)
    {
        var updated = new Dictionary<string, string>(info, StringComparer.Ordinal);
        if (details is null)
        {
            updated.Remove(PinRequest.StatusDetailsKey);
        }
        else
        {
            updated[PinRequest.StatusDetailsKey] = details;
        }

        return updated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pinned {RequestId} ({Cid}) on attempt {Attempt}")]
    private static partial void LogPinned(ILogger logger, string requestId, string cid, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pin {RequestId} ({Cid}) not fetched on attempt {Attempt}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string requestId, string cid, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pin {RequestId} ({Cid}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string requestId, string cid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not dial origin {Origin}: {Reason}")]
    private static partial void LogDialFailed(ILogger logger, string origin, string reason);
}
