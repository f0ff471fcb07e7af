using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Content.Blocks;

[Collection(AzuriteCollection.Name)]
public sealed class BlobBlockStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PutAsync_ThenGet_SameBytesUnderV0AndV1()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<BlobBlockStore>();
        var block = new byte[] { 0x0a, 0x04, 0x08, 0x02, 0x18, 0x00 };
        var cid = Cid.Compute(0, Multicodec.DagPb, block);

        await store.PutAsync(cid, block);

        Assert.True(await store.HasAsync(cid));
        Assert.Equal(block, (await store.GetBlockAsync(cid))!.Value.ToArray());
        Assert.Equal(block, (await store.GetBlockAsync(cid.ToV1()))!.Value.ToArray());
    }

    [Fact]
    public async Task GetBlockAsync_Missing_Null()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<BlobBlockStore>();
        var cid = Cid.Compute(1, Multicodec.Raw, "never stored"u8);

        Assert.Null(await store.GetBlockAsync(cid));
        Assert.False(await store.HasAsync(cid));
    }

    [Fact]
    public async Task GetBlockAsync_Identity_TheDigestWithoutStorage()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<BlobBlockStore>();
        var cid = Cid.Parse("bafkqaaa");

        Assert.Equal(0, (await store.GetBlockAsync(cid))!.Value.Length);
        Assert.True(await store.HasAsync(cid));
    }

    [Fact]
    public async Task PutManyAsync_ManyBlocks_AllStored()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<BlobBlockStore>();
        var blocks = Enumerable.Range(0, 40)
            .Select(i => BitConverter.GetBytes(i))
            .Select(b => new ContentBlock(Cid.Compute(1, Multicodec.Raw, b), b))
            .ToList();

        await store.PutManyAsync(blocks, parallelism: 4);

        foreach (var block in blocks)
        {
            Assert.Equal(block.Data.ToArray(), (await store.GetBlockAsync(block.Cid))!.Value.ToArray());
        }
    }
}
