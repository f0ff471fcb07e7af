using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Dag;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Uploads;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Storage.Backends;

[Collection(AzuriteCollection.Name)]
public sealed class LocalBackendTests(AzuriteFixture azurite)
{
    // Small chunks and few links so that a 20 KB file is a DAG three levels deep.
    private static readonly Dictionary<string, string?> SmallDag = new()
    {
        ["Gateway:Content:CidProfile"] = "cid-version=1,chunker=size-1024,max-links=4",
        ["Gateway:Content:BlockWriteParallelism"] = "4",
    };

    [Fact]
    public async Task Push_MultiLevelFile_EveryBlockStoredAndTheDagReadsBack()
    {
        await using var services = GatewayServices.Create(azurite, SmallDag);
        var bytes = RandomNumberGenerator.GetBytes(20_000);
        var record = await services.GetRequiredService<UploadPipeline>().UploadAsync(
            new UploadRequest("owner", "dag.bin", new MemoryStream(bytes), bytes.Length, null) { Public = true });

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        var store = services.GetRequiredService<BlobBlockStore>();
        var root = Cid.Parse(record.Cid!);
        var expected = new MemoryBlockSink();
        using (var builder = new UnixFsFileBuilder(UnixFsProfile.ForKubo(1, 1024) with { MaxLinks = 4 }, expected))
        {
            builder.Append(bytes);
            Assert.Equal(root, builder.Complete().Root);
        }

        var walked = new List<Cid>();
        await foreach (var block in new DagWalker(store).WalkAsync(root, DagScope.All))
        {
            walked.Add(block.Cid);
        }

        Assert.Equal(expected.Cids.Select(c => c.ToString()).Order(StringComparer.Ordinal), walked.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        using var read = new MemoryStream();
        await new UnixFsFileReader(store).CopyToAsync(root, read);
        Assert.Equal(bytes, read.ToArray());
    }

    [Fact]
    public async Task Push_PrivateFile_StoredWithoutPublishingItsBlocks()
    {
        await using var services = GatewayServices.Create(azurite, SmallDag);
        var record = await PushProcessorTests.UploadAsync(services, RandomNumberGenerator.GetBytes(5000));

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        Assert.False(await services.GetRequiredService<BlobBlockStore>().HasAsync(Cid.Parse(record.Cid!)));
        await using var content = await services.GetRequiredService<FileContentReader>().OpenAsync((await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id))!, null);
        Assert.NotNull(content);
    }

    [Fact]
    public async Task Push_RecordCidDiffersFromTheBytes_FailedAtOnceWithTheReason()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await PushProcessorTests.UploadAsync(services, "the real bytes"u8.ToArray());
        var files = services.GetRequiredService<FileIndex>();
        var tampered = await files.TryUpdateAsync(record with { Cid = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn" });

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.NotNull(tampered);
        Assert.Equal(PushOutcomeKind.Failed, outcome.Kind);
        var failed = await files.GetAsync(record.OwnerId, record.Id);
        Assert.Equal(FileState.Failed, failed!.State);
        Assert.Contains("differs from the CID computed at upload", failed.LastError, StringComparison.Ordinal);
    }

    private sealed class MemoryBlockSink : IBlockSink
    {
        public List<Cid> Cids { get; } = [];

        public void Put(Cid cid, ReadOnlyMemory<byte> block) => Cids.Add(cid);
    }
}
