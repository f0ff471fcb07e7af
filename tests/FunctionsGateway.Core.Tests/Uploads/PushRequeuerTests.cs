using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class PushRequeuerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RequeueAsync_FailedFile_StagedWithAttemptsResetReasonKeptAndAPushQueued()
    {
        await using var services = GatewayServices.Create(
            azurite, new Dictionary<string, string?> { ["Gateway:Uploads:PushMaxAttempts"] = "1" }, s => s.AddSingleton<IStorageBackend>(new UnreachableBackend()));
        var record = await PushProcessorTests.UploadAsync(services, new byte[10], UnreachableBackend.BackendName);
        var queues = services.GetRequiredService<IQueueStorage>();
        var names = services.GetRequiredService<StorageNames>();
        var upload = Assert.Single(await queues.ReceiveAsync(names.PushQueue, 32, TimeSpan.FromMinutes(5)));
        Assert.Equal(PushOutcomeKind.Failed, (await services.GetRequiredService<PushProcessor>().ProcessAsync(upload.Text, 1)).Kind);

        var result = await services.GetRequiredService<PushRequeuer>().RequeueAsync(record.OwnerId, record.Id);

        Assert.Equal(PushRequeueStatus.Requeued, result.Status);
        var now = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);
        Assert.Equal((FileState.Staged, 0), (now!.State, now.Attempts));
        Assert.Contains("unreachable", now.LastError, StringComparison.Ordinal);
        Assert.Equal(record.Id, PushMessage.TryParse(Assert.Single(await queues.PeekAsync(names.PushQueue, 32)).Text)!.FileId);
    }

    [Fact]
    public async Task RequeueAsync_StoredFile_AlreadyStoredAndNothingQueued()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await PushProcessorTests.UploadAsync(services, new byte[10]);
        var queues = services.GetRequiredService<IQueueStorage>();
        var names = services.GetRequiredService<StorageNames>();
        var upload = Assert.Single(await queues.ReceiveAsync(names.PushQueue, 32, TimeSpan.FromMinutes(5)));
        await services.GetRequiredService<PushProcessor>().ProcessAsync(upload.Text, 1);

        var result = await services.GetRequiredService<PushRequeuer>().RequeueAsync(record.OwnerId, record.Id);

        Assert.Equal(PushRequeueStatus.AlreadyStored, result.Status);
        Assert.Empty(await queues.PeekAsync(names.PushQueue, 32));
    }

    [Fact]
    public async Task RequeueAsync_UnknownFile_NotFound()
    {
        await using var services = GatewayServices.Create(azurite);

        var result = await services.GetRequiredService<PushRequeuer>().RequeueAsync("nobody", UploadPipeline.NewFileId());

        Assert.Equal((PushRequeueStatus.NotFound, (FileRecord?)null), (result.Status, result.Record));
    }
}
