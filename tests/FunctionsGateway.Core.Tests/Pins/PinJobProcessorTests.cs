using System.Text;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Core.Storage.Queues;
using FunctionsGateway.Core.Tests.Storage.Ipfs;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Pins;

/// <summary>The pin worker's job against Azurite and a real js-ipfs node (offline: it can only pin what it holds).</summary>
[Collection(IpfsCollection.Name)]
public sealed class PinJobProcessorTests(AzuriteFixture azurite, IpfsNodeFixture ipfs) : IDisposable
{
    private const string UnknownCid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

    private readonly KuboRpcClient _node = KuboRpcClientTests.Create(ipfs.ApiUrl);

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task ProcessAsync_CidTheNodeHolds_PinnedOnTheNodeDespiteUndialableOrigins()
    {
        await using var services = Create();
        var added = await _node.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("held by the node " + Guid.NewGuid())), new KuboAddOptions { Pin = false, CidVersion = 1 });
        var origins = new[] { "/ip4/127.0.0.1/tcp/1/p2p/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN" };
        var request = await AddAsync(services, added.Cid.ToString(), origins);

        var result = await ProcessNextAsync(services);
        var pinned = await GetAsync(services, request);

        Assert.Equal(QueueJobSettlement.Done, result.Settlement);
        Assert.Equal(PinRequestStatus.Pinned, pinned.Status);
        Assert.Equal(1, pinned.Attempts);
        Assert.Equal(origins, pinned.Pin.Origins);
        Assert.Equal([new KuboPin(added.Cid, KuboPinType.Recursive)], await _node.PinListAsync(KuboPinType.Recursive, [added.Cid]));
    }

    [Fact]
    public async Task ProcessAsync_ContentInTheBlockstore_ImportedIntoTheNodeAndPinned()
    {
        await using var services = Create();
        var block = Encoding.UTF8.GetBytes("only in the gateway's blockstore " + Guid.NewGuid());
        var cid = Cid.Compute(1, Multicodec.Raw, block);
        await services.GetRequiredService<BlobBlockStore>().PutAsync(cid, block);
        var request = await AddAsync(services, cid.ToString());

        var result = await ProcessNextAsync(services);
        var pinned = await GetAsync(services, request);

        Assert.Equal(QueueJobSettlement.Done, result.Settlement);
        Assert.Equal(PinRequestStatus.Pinned, pinned.Status);
        Assert.Equal(block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), pinned.Info[PinRequest.DagSizeKey]);
        Assert.Single(await _node.PinListAsync(KuboPinType.Recursive, [cid]));
    }

    [Fact]
    public async Task ProcessAsync_CidNowhere_QueuedAndRetriedUntilTheDeadlineThenFailed()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Create(new() { ["Gateway:Pins:FetchDeadline"] = "01:00:00", ["Gateway:Pins:AttemptTimeout"] = "00:00:02", ["Gateway:Pins:RetryBaseDelay"] = "00:00:10" }, time);
        var request = await AddAsync(services, UnknownCid);

        var first = await ProcessNextAsync(services);
        var waiting = await GetAsync(services, request);
        time.Advance(TimeSpan.FromHours(1));
        var last = await services.GetRequiredService<PinJobProcessor>().ProcessAsync(new PinJobMessage(request.OwnerId, PinRequestStore.Row(request.Created)).ToJson());
        var failed = await GetAsync(services, request);

        Assert.Equal(QueueJobSettlement.Retry, first.Settlement);
        Assert.Equal(TimeSpan.FromSeconds(10), first.RetryAfter);
        Assert.Equal(PinRequestStatus.Queued, waiting.Status);
        Assert.StartsWith("not found yet (attempt 1)", waiting.Info[PinRequest.StatusDetailsKey], StringComparison.Ordinal);
        Assert.Equal(QueueJobSettlement.Done, last.Settlement);
        Assert.Equal(PinRequestStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts);
        Assert.StartsWith("failed: ", failed.Info[PinRequest.StatusDetailsKey], StringComparison.Ordinal);
        Assert.Contains("gave up after 2 attempts", failed.Info[PinRequest.StatusDetailsKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_RequestRemovedOrMessageMalformed_DoneOrPoison()
    {
        await using var services = Create();
        var request = await AddAsync(services, UnknownCid);
        await services.GetRequiredService<PinRequestService>().RemoveAsync(request.OwnerId, request.RequestId);
        var processor = services.GetRequiredService<PinJobProcessor>();

        Assert.Equal(QueueJobSettlement.Done, (await ProcessNextAsync(services)).Settlement);
        Assert.Equal(QueueJobSettlement.Poison, (await processor.ProcessAsync("not json")).Settlement);
        Assert.Equal(QueueJobSettlement.Poison, (await processor.ProcessAsync("""{"owner":"a","row":"12"}""")).Settlement);
    }

    [Fact]
    public void Backoff_DoublesUpToTheCap()
    {
        using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Pins:RetryBaseDelay"] = "00:00:10", ["Gateway:Pins:RetryMaxDelay"] = "00:01:00" });
        var processor = services.GetRequiredService<PinJobProcessor>();
        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(a => processor.Backoff(a).TotalSeconds));
    }

    private ServiceProvider Create(Dictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        settings ??= [];
        settings["Gateway:Ipfs:ApiUrl"] = ipfs.ApiUrl;
        settings.TryAdd("Gateway:Pins:AttemptTimeout", "00:00:10");
        return GatewayServices.Create(azurite, settings, s =>
        {
            if (time is not null)
            {
                s.UseTime(time);
            }
        });
    }

    private static Task<PinRequest> AddAsync(ServiceProvider services, string cid, IReadOnlyList<string>? origins = null) =>
        services.GetRequiredService<PinRequestService>().AddAsync("owner-" + Guid.NewGuid().ToString("N")[..8], new PinSpec(cid, null, origins ?? [], new Dictionary<string, string>()), PinRequestService.PsaSource);

    private static async Task<PinRequest> GetAsync(ServiceProvider services, PinRequest request) =>
        await services.GetRequiredService<PinRequestService>().GetAsync(request.OwnerId, request.RequestId) ?? throw new InvalidOperationException("The request is gone.");

    private static async Task<QueueJobResult> ProcessNextAsync(ServiceProvider services)
    {
        var names = services.GetRequiredService<StorageNames>();
        var message = Assert.Single(await services.GetRequiredService<IQueueStorage>().ReceiveAsync(names.PinQueue, 32, TimeSpan.FromMinutes(1)));
        return await services.GetRequiredService<PinJobProcessor>().ProcessAsync(message.Text);
    }
}
