using System.Security.Cryptography;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class UploadPipelineTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> SmallBlocks = new()
    {
        ["Gateway:Uploads:BlockSizeBytes"] = "65536",
        ["Gateway:Uploads:MaxFileBytes"] = "1000000",
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(300_000)]
    public async Task UploadAsync_AnySize_StagedRecordedAndQueued(int size)
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var bytes = RandomNumberGenerator.GetBytes(size);

        var record = await services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner1", "a.bin", new TrickleStream(bytes), null, "application/x-test"));

        Assert.Equal(size, record.Size);
        Assert.Equal(FileState.Staged, record.State);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), record.Sha256);
        var names = services.GetRequiredService<StorageNames>();
        var blobs = services.GetRequiredService<IBlobStorage>();
        await using (var staged = await blobs.DownloadAsync(names.StagingContainer, record.StagedBlob))
        {
            Assert.Equal(bytes, await ReadAllAsync(staged!.Content));
            Assert.Equal("application/x-test", staged.Properties.ContentType);
        }

        var indexed = await services.GetRequiredService<FileIndex>().GetAsync("owner1", record.Id);
        Assert.Equal(record.Sha256, indexed!.Sha256);
        var queued = Assert.Single(await services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushQueue, 32));
        Assert.Equal(new PushMessage("owner1", record.Id), PushMessage.TryParse(queued.Text));
    }

    [Fact]
    public async Task UploadAsync_DeclaredLengthOverLimit_ThrowsBeforeReading()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var body = new TrickleStream(new byte[10]);

        await Assert.ThrowsAsync<UploadTooLargeException>(() => services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner1", "big", body, 1_000_001, null)));

        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task UploadAsync_StreamPassesLimit_NothingCommittedOrRecorded()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);

        await Assert.ThrowsAsync<UploadTooLargeException>(() => services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner2", "big", new TrickleStream(new byte[1_000_001]), null, null)));

        var names = services.GetRequiredService<StorageNames>();
        var blobs = new List<BlobItem>();
        await foreach (var b in services.GetRequiredService<IBlobStorage>().ListAsync(names.StagingContainer))
        {
            blobs.Add(b);
        }

        Assert.Empty(blobs);
        Assert.Empty((await services.GetRequiredService<FileIndex>().ListAsync("owner2", 10, null)).Items);
        Assert.Empty(await services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushQueue, 32));
    }

    [Fact]
    public async Task UploadAsync_UnknownBackend_ThrowsNamingConfiguredOnes()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var e = await Assert.ThrowsAsync<UnknownBackendException>(() => services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner1", "x", new MemoryStream([1]), 1, null, Backend: "nowhere")));
        Assert.Equal("nowhere", e.Backend);
        Assert.Contains("local", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300_000)]
    public async Task AdoptStagedAsync_CommittedBlob_HashedRecordedWithItsETagAndQueued(int size)
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var bytes = RandomNumberGenerator.GetBytes(size);
        var upload = new StagedUpload("owner3", UploadPipeline.NewFileId(), "adopted.bin", "application/x-test");
        var committed = await CommitAsync(services, upload.StagedBlob, bytes);

        var record = await services.GetRequiredService<UploadPipeline>().AdoptStagedAsync(upload);

        Assert.Equal((upload.FileId, "adopted.bin", (long)size, FileState.Staged), (record!.Id, record.Name, record.Size, record.State));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), record.Sha256);
        Assert.Equal(upload.StagedBlob, record.StagedBlob);
        Assert.Equal(committed.ETag, (await services.GetRequiredService<FileIndex>().GetAsync("owner3", upload.FileId))!.StagedETag);
        var names = services.GetRequiredService<StorageNames>();
        var queued = Assert.Single(await services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushQueue, 32));
        Assert.Equal(new PushMessage("owner3", upload.FileId), PushMessage.TryParse(queued.Text));
    }

    [Fact]
    public async Task AdoptStagedAsync_Twice_SameRecordAndOnePush()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var upload = new StagedUpload("owner4", UploadPipeline.NewFileId(), "twice.bin", null);
        await CommitAsync(services, upload.StagedBlob, [1, 2, 3]);
        var pipeline = services.GetRequiredService<UploadPipeline>();

        var first = await pipeline.AdoptStagedAsync(upload);
        var second = await pipeline.AdoptStagedAsync(upload);

        Assert.Equal(first!.ETag, second!.ETag);
        Assert.Single(await services.GetRequiredService<IQueueStorage>().PeekAsync(services.GetRequiredService<StorageNames>().PushQueue, 32));
    }

    [Fact]
    public async Task AdoptStagedAsync_NothingCommitted_NullAndNothingRecorded()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var upload = new StagedUpload("owner5", UploadPipeline.NewFileId(), "none.bin", null);

        Assert.Null(await services.GetRequiredService<UploadPipeline>().AdoptStagedAsync(upload));
        Assert.Null(await services.GetRequiredService<FileIndex>().GetAsync("owner5", upload.FileId));
    }

    [Fact]
    public async Task AdoptStagedAsync_OverTheLimit_BlobDeletedAndThrows()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var upload = new StagedUpload("owner6", UploadPipeline.NewFileId(), "big.bin", null);
        await CommitAsync(services, upload.StagedBlob, new byte[1_000_001]);

        await Assert.ThrowsAsync<UploadTooLargeException>(() => services.GetRequiredService<UploadPipeline>().AdoptStagedAsync(upload));

        Assert.Null(await services.GetRequiredService<IBlobStorage>().GetPropertiesAsync(services.GetRequiredService<StorageNames>().StagingContainer, upload.StagedBlob));
        Assert.Null(await services.GetRequiredService<FileIndex>().GetAsync("owner6", upload.FileId));
    }

    private static async Task<BlobProperties> CommitAsync(ServiceProvider services, string blob, byte[] bytes)
    {
        await services.GetRequiredService<StorageBootstrap>().EnsureCreatedAsync();
        return await services.GetRequiredService<IBlobStorage>().UploadAsync(services.GetRequiredService<StorageNames>().StagingContainer, blob, bytes);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    // spec/standards.md §4 vectors: "hello world" under Kubo's default and under cid-version=1.
    [Theory]
    [InlineData(null, "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD")]
    [InlineData("unixfs-v1-2025", "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")]
    [InlineData("cid-version=1,raw-leaves=false", "bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa")]
    public async Task UploadAsync_HelloWorld_KuboCidForTheConfiguredProfile(string? profile, string cid)
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Content:CidProfile"] = profile });

        var record = await services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner1", "hello.txt", new TrickleStream("hello world"u8.ToArray()), null, "text/plain"));

        Assert.Equal(cid, record.Cid);
        Assert.Equal(cid, (await services.GetRequiredService<FileIndex>().GetAsync("owner1", record.Id))!.Cid);
    }

    [Fact]
    public async Task UploadAsync_ProfileInTheRequest_WinsOverTheSetting()
    {
        await using var services = GatewayServices.Create(azurite);

        var record = await services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner1", "empty", new MemoryStream(), 0, null) { Profile = FunctionsGateway.Core.Content.UnixFs.UnixFsProfile.ForKubo(1) });

        Assert.Equal("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", record.Cid);
    }
}
