using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class CidIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddAsync_TwoOwnersOneCid_BothFoundByV0AndV1()
    {
        await using var services = GatewayServices.Create(azurite);
        var index = services.GetRequiredService<CidIndex>();
        var a = await PushProcessorTests.UploadAsync(services, "hello world"u8.ToArray());
        var b = await services.GetRequiredService<UploadPipeline>().UploadAsync(new UploadRequest("owner2", "copy", new MemoryStream("hello world"u8.ToArray()), 11, null) { Public = true });
        var cid = Cid.Parse(a.Cid!);

        var byV0 = await index.FindAsync(cid);
        var byV1 = await index.FindAsync(cid.ToV1());

        Assert.Equal(2, byV0.Count);
        Assert.Contains(new CidIndexEntry(a.OwnerId, a.Id, Public: false), byV0);
        Assert.Contains(new CidIndexEntry(b.OwnerId, b.Id, Public: true), byV1);
    }

    [Fact]
    public async Task RemoveAsync_DeletedFile_NoLongerFound()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await PushProcessorTests.UploadAsync(services, "only once"u8.ToArray());

        await services.GetRequiredService<FileContentReader>().DeleteAsync(record);

        Assert.Empty(await services.GetRequiredService<CidIndex>().FindAsync(Cid.Parse(record.Cid!)));
    }
}
