using System.Security.Cryptography;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class BlockBlobWriterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StageAsync_FromABlockIndex_IdsContinueAndCommitInOrder()
    {
        await using var services = GatewayServices.Create(azurite);
        var (writer, blobs, container) = await ResolveAsync(services);
        var bytes = RandomNumberGenerator.GetBytes(150_000);

        var first = await writer.StageAsync(new BlockStaging(container, "b", new MemoryStream(bytes[..100_000]), 65536, long.MaxValue));
        var second = await writer.StageAsync(new BlockStaging(container, "b", new MemoryStream(bytes[100_000..]), 65536, long.MaxValue) { FirstBlock = first.Blocks });
        await blobs.CommitBlockListAsync(container, "b", BlockBlobWriter.BlockIds(0, first.Blocks + second.Blocks));

        Assert.Equal((100_000L, 2, (Exception?)null), (first.Bytes, first.Blocks, first.SourceFailure));
        Assert.Equal((50_000L, 1), (second.Bytes, second.Blocks));
        await using var download = await blobs.DownloadAsync(container, "b");
        using var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task StageAsync_SourceFailsAndKeepReceived_StagesWhatArrivedAndReportsTheFailure()
    {
        await using var services = GatewayServices.Create(azurite);
        var (writer, _, container) = await ResolveAsync(services);

        var staged = await writer.StageAsync(new BlockStaging(container, "b", new ScriptedBodyStream(new byte[100_000], failAfter: 70_000), 65536, long.MaxValue)
        {
            KeepReceivedOnSourceFailure = true,
        });

        Assert.Equal((70_000L, 2), (staged.Bytes, staged.Blocks));
        Assert.IsType<IOException>(staged.SourceFailure);
    }

    [Fact]
    public async Task StageAsync_SourceFails_Throws()
    {
        await using var services = GatewayServices.Create(azurite);
        var (writer, _, container) = await ResolveAsync(services);

        await Assert.ThrowsAsync<IOException>(() => writer.StageAsync(
            new BlockStaging(container, "b", new ScriptedBodyStream(new byte[100_000], failAfter: 70_000), 65536, long.MaxValue)));
    }

    [Fact]
    public async Task StageAsync_PastTheBlockLimit_ThrowsBeforeStaging()
    {
        await using var services = GatewayServices.Create(azurite);
        var (writer, _, container) = await ResolveAsync(services);

        var error = await Assert.ThrowsAsync<UploadTooLargeException>(() => writer.StageAsync(
            new BlockStaging(container, "b", new MemoryStream(new byte[65537]), 65536, long.MaxValue) { FirstBlock = BlockBlobWriter.MaxBlockCount - 1 }));

        Assert.Contains("50000 blocks", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(BlockBlobWriter Writer, IBlobStorage Blobs, string Container)> ResolveAsync(ServiceProvider services)
    {
        await services.GetRequiredService<StorageBootstrap>().EnsureCreatedAsync();
        return (services.GetRequiredService<BlockBlobWriter>(), services.GetRequiredService<IBlobStorage>(), services.GetRequiredService<StorageNames>().StagingContainer);
    }
}
