using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class TriggeredPushHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HandleAsync_BackendDown_RequeuedHiddenForBackoffThenPoisonedAfterLastAttempt()
    {
        await using var services = GatewayServices.Create(
            azurite,
            new Dictionary<string, string?> { ["Gateway:Uploads:PushMaxAttempts"] = "2", ["Gateway:Uploads:PushBaseDelay"] = "00:00:00.500" },
            s => s.AddSingleton<IStorageBackend>(new UnreachableBackend()));
        var record = await PushProcessorTests.UploadAsync(services, new byte[10], UnreachableBackend.BackendName);
        var queues = services.GetRequiredService<IQueueStorage>();
        var names = services.GetRequiredService<StorageNames>();
        var handler = services.GetRequiredService<TriggeredPushHandler>();
        // The upload's own message stands for the host's delivery; the host deletes it after a 2xx.
        var delivered = Assert.Single(await queues.ReceiveAsync(names.PushQueue, 32, TimeSpan.FromMinutes(5)));

        // The host's dequeue count is 1 on every fresh message: the record's attempts decide.
        var first = await handler.HandleAsync(delivered.Text, 1);
        Assert.Equal(PushOutcomeKind.Retry, first.Kind);
        Assert.Empty(await queues.PeekAsync(names.PushQueue, 32));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var requeued = Assert.Single(await queues.ReceiveAsync(names.PushQueue, 32, TimeSpan.FromMinutes(5)));
        var second = await handler.HandleAsync(requeued.Text, 1);

        Assert.Equal(PushOutcomeKind.Failed, second.Kind);
        Assert.Equal(FileState.Failed, (await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id))!.State);
        Assert.Equal(record.Id, PushMessage.TryParse(Assert.Single(await queues.PeekAsync(names.PushPoisonQueue, 32)).Text)!.FileId);
    }

    [Fact]
    public async Task HandleAsync_Stored_NothingRequeued()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await PushProcessorTests.UploadAsync(services, new byte[10]);
        var queues = services.GetRequiredService<IQueueStorage>();
        var names = services.GetRequiredService<StorageNames>();
        var delivered = Assert.Single(await queues.ReceiveAsync(names.PushQueue, 32, TimeSpan.FromMinutes(5)));

        var outcome = await services.GetRequiredService<TriggeredPushHandler>().HandleAsync(delivered.Text, 1);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        Assert.Empty(await queues.PeekAsync(names.PushQueue, 32));
        Assert.Empty(await queues.PeekAsync(names.PushPoisonQueue, 32));
        Assert.Equal(FileState.Stored, (await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id))!.State);
    }
}
