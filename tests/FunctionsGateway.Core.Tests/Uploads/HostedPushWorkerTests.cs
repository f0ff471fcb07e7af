using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class HostedPushWorkerTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> WorkerOn = new()
    {
        ["Gateway:Uploads:PushWorker"] = "On",
        ["Gateway:Uploads:PushMaxAttempts"] = "2",
        ["Gateway:Uploads:PushBaseDelay"] = "00:00:00.200",
    };

    [Fact]
    public async Task RunOnceAsync_QueuedPush_FileStoredAndMessageDeleted()
    {
        await using var services = GatewayServices.Create(azurite, WorkerOn);
        var record = await PushProcessorTests.UploadAsync(services, new byte[1234]);

        Assert.Equal(1, await services.GetRequiredService<HostedPushWorker>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(FileState.Stored, (await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id))!.State);
        var names = services.GetRequiredService<StorageNames>();
        Assert.Empty(await services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushQueue, 32));
    }

    [Fact]
    public async Task RunOnceAsync_BackendDownEveryAttempt_HiddenForBackoffThenPoisoned()
    {
        await using var services = GatewayServices.Create(azurite, WorkerOn, s => s.AddSingleton<IStorageBackend>(new UnreachableBackend()));
        var record = await PushProcessorTests.UploadAsync(services, new byte[10], UnreachableBackend.BackendName);
        var worker = services.GetRequiredService<HostedPushWorker>();
        var queues = services.GetRequiredService<IQueueStorage>();
        var names = services.GetRequiredService<StorageNames>();

        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        // Hidden for the backoff: not visible at once, visible after it.
        Assert.Empty(await queues.PeekAsync(names.PushQueue, 32));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));

        var failed = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);
        Assert.Equal(FileState.Failed, failed!.State);
        Assert.Empty(await queues.PeekAsync(names.PushQueue, 32));
        var poisoned = Assert.Single(await queues.PeekAsync(names.PushPoisonQueue, 32));
        Assert.Equal(record.Id, PushMessage.TryParse(poisoned.Text)!.FileId);
    }

    [Fact]
    public async Task RunOnceAsync_MalformedMessage_Poisoned()
    {
        await using var services = GatewayServices.Create(azurite, WorkerOn);
        var queues = services.GetRequiredService<IQueueStorage>();
        var names = services.GetRequiredService<StorageNames>();
        await services.GetRequiredService<StorageBootstrap>().EnsureCreatedAsync();
        await queues.SendAsync(names.PushQueue, "garbage");

        await services.GetRequiredService<HostedPushWorker>().RunOnceAsync(CancellationToken.None);

        Assert.Equal("garbage", Assert.Single(await queues.PeekAsync(names.PushPoisonQueue, 32)).Text);
    }
}
