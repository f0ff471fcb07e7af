using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class PushProcessorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ProcessAsync_StagedFile_StoredInLocalBackendAndStageRemoved()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await UploadAsync(services, "hello push"u8.ToArray());

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        var stored = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);
        Assert.Equal(FileState.Stored, stored!.State);
        Assert.Equal(1, stored.Attempts);
        var names = services.GetRequiredService<StorageNames>();
        var blobs = services.GetRequiredService<IBlobStorage>();
        Assert.Null(await blobs.GetPropertiesAsync(names.StagingContainer, record.StagedBlob));
        await using var content = await services.GetRequiredService<FileContentReader>().OpenAsync(stored, null);
        using var copy = new MemoryStream();
        await content!.Content.CopyToAsync(copy);
        Assert.Equal("hello push"u8.ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task ProcessAsync_DeliveredTwice_SecondHasNoEffect()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await UploadAsync(services, new byte[100]);
        var processor = services.GetRequiredService<PushProcessor>();
        var message = new PushMessage(record.OwnerId, record.Id).ToJson();

        Assert.Equal(PushOutcomeKind.Stored, (await processor.ProcessAsync(message, 1)).Kind);
        var first = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);
        Assert.Equal(PushOutcomeKind.AlreadyDone, (await processor.ProcessAsync(message, 2)).Kind);
        var second = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);

        Assert.Equal(first!.ETag, second!.ETag);
        var names = services.GetRequiredService<StorageNames>();
        var content = new List<BlobItem>();
        await foreach (var b in services.GetRequiredService<IBlobStorage>().ListAsync(names.ContentContainer))
        {
            content.Add(b);
        }

        Assert.Single(content);
    }

    [Fact]
    public async Task ProcessAsync_ConcurrentDeliveries_OneRecordedResult()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await UploadAsync(services, new byte[5000]);
        var processor = services.GetRequiredService<PushProcessor>();
        var message = new PushMessage(record.OwnerId, record.Id).ToJson();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => processor.ProcessAsync(message, 1)));

        Assert.All(outcomes, o => Assert.True(o.IsComplete));
        Assert.Single(outcomes, o => o.Kind == PushOutcomeKind.Stored);
        Assert.Equal(FileState.Stored, (await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id))!.State);
    }

    [Fact]
    public async Task ProcessAsync_BackendDown_RetryWithBackoffThenFailedAfterLastAttempt()
    {
        await using var services = GatewayServices.Create(
            azurite,
            new Dictionary<string, string?> { ["Gateway:Uploads:PushMaxAttempts"] = "3", ["Gateway:Uploads:PushBaseDelay"] = "00:00:02" },
            s => s.AddSingleton<IStorageBackend>(new UnreachableBackend()));
        var record = await UploadAsync(services, new byte[10], UnreachableBackend.BackendName);
        var processor = services.GetRequiredService<PushProcessor>();
        var message = new PushMessage(record.OwnerId, record.Id).ToJson();
        var files = services.GetRequiredService<FileIndex>();

        var first = await processor.ProcessAsync(message, 1);
        var second = await processor.ProcessAsync(message, 2);
        var afterTwo = await files.GetAsync(record.OwnerId, record.Id);
        var last = await processor.ProcessAsync(message, 3);
        var afterLast = await files.GetAsync(record.OwnerId, record.Id);

        Assert.Equal((PushOutcomeKind.Retry, TimeSpan.FromSeconds(2)), (first.Kind, first.RetryAfter));
        Assert.Equal((PushOutcomeKind.Retry, TimeSpan.FromSeconds(4)), (second.Kind, second.RetryAfter));
        Assert.Equal(FileState.Staged, afterTwo!.State);
        Assert.Equal(2, afterTwo.Attempts);
        Assert.Contains("backend unreachable", afterTwo.LastError, StringComparison.Ordinal);
        Assert.Equal(PushOutcomeKind.Failed, last.Kind);
        Assert.Equal(FileState.Failed, afterLast!.State);
        Assert.Equal(PushOutcomeKind.AlreadyDone, (await processor.ProcessAsync(message, 4)).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"owner\":\"a\"}")]
    [InlineData("{\"owner\":\"a\",\"file\":\"../x\"}")]
    public async Task ProcessAsync_NotAPushMessage_Malformed(string? text)
    {
        await using var services = GatewayServices.Create(azurite);
        Assert.Equal(PushOutcomeKind.Malformed, (await services.GetRequiredService<PushProcessor>().ProcessAsync(text, 1)).Kind);
    }

    [Fact]
    public async Task ProcessAsync_FileDeleted_AlreadyDone()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await UploadAsync(services, new byte[10]);
        await services.GetRequiredService<FileContentReader>().DeleteAsync(record);

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.Equal(PushOutcomeKind.AlreadyDone, outcome.Kind);
    }

    [Fact]
    public async Task Backoff_GrowsAndCaps()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Uploads:PushBaseDelay"] = "00:00:05",
            ["Gateway:Uploads:PushMaxDelay"] = "00:00:30",
        });
        var processor = services.GetRequiredService<PushProcessor>();
        Assert.Equal(
            [5, 10, 20, 30, 30],
            new long[] { 1, 2, 3, 4, 100 }.Select(n => processor.Backoff(n).TotalSeconds).ToArray());
    }

    internal static Task<FileRecord> UploadAsync(IServiceProvider services, byte[] bytes, string? backend = null) =>
        services.GetRequiredService<UploadPipeline>().UploadAsync(new UploadRequest("owner", "f.bin", new MemoryStream(bytes), bytes.Length, null, backend));
}
