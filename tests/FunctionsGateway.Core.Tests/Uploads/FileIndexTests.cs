using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class FileIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListAsync_PagesOfTwo_EveryFileOnceInOrder()
    {
        await using var services = GatewayServices.Create(azurite);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await PushProcessorTests.UploadAsync(services, [(byte)i])).Id);
        }

        var index = services.GetRequiredService<FileIndex>();
        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await index.ListAsync("owner", 2, continuation);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(r => r.Id));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(ids, seen);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task ListAsync_OtherOwner_Empty()
    {
        await using var services = GatewayServices.Create(azurite);
        await PushProcessorTests.UploadAsync(services, [1]);
        Assert.Empty((await services.GetRequiredService<FileIndex>().ListAsync("someone-else", 10, null)).Items);
    }

    [Fact]
    public async Task ListAsync_ForgedContinuation_FormatException()
    {
        await using var services = GatewayServices.Create(azurite);
        await Assert.ThrowsAsync<FormatException>(() => services.GetRequiredService<FileIndex>().ListAsync("owner", 10, "!!!"));
    }

    [Fact]
    public async Task TryUpdateAsync_StaleETag_Null()
    {
        await using var services = GatewayServices.Create(azurite);
        var record = await PushProcessorTests.UploadAsync(services, [1]);
        var index = services.GetRequiredService<FileIndex>();
        Assert.NotNull(await index.TryUpdateAsync(record with { Attempts = 1 }));
        Assert.Null(await index.TryUpdateAsync(record with { Attempts = 2 }));
    }
}
