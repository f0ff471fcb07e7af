using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class UploadSessionStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task InsertThenGet_RoundTripsEveryField()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<UploadSessionStore>();
        var session = NewSession() with
        {
            ContentType = "text/plain",
            Length = 1234,
            Offset = 100,
            BlockCount = 2,
            Metadata = "filename YS50eHQ=",
            FileId = "f",
            LockId = "l",
            LockExpiresAt = new DateTimeOffset(2026, 1, 1, 0, 10, 0, TimeSpan.Zero),
        };

        await store.InsertAsync(session);
        var read = await store.GetAsync(session.OwnerId, session.Id, UploadSessionKind.Direct);

        Assert.Equal(session with { ETag = read!.ETag }, read);
    }

    [Fact]
    public async Task GetAsync_OtherKindOtherOwnerOrNotAnId_Null()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<UploadSessionStore>();
        var session = await store.InsertAsync(NewSession());

        Assert.Null(await store.GetAsync(session.OwnerId, session.Id, UploadSessionKind.Tus));
        Assert.Null(await store.GetAsync("someone-else", session.Id, UploadSessionKind.Direct));
        Assert.Null(await store.GetAsync(session.OwnerId, "../x", UploadSessionKind.Direct));
    }

    [Fact]
    public async Task TryUpdateAndTryDelete_StaleETag_LoseTheRace()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<UploadSessionStore>();
        var session = await store.InsertAsync(NewSession());
        var winner = await store.TryUpdateAsync(session with { Offset = 1 });

        Assert.Null(await store.TryUpdateAsync(session with { Offset = 2 }));
        Assert.False(await store.TryDeleteAsync(session));
        Assert.True(await store.TryDeleteAsync(winner!));
        Assert.Null(await store.TryUpdateAsync(winner!));
    }

    private static UploadSession NewSession() => new()
    {
        OwnerId = "owner1",
        Id = UploadPipeline.NewFileId(),
        Kind = UploadSessionKind.Direct,
        Name = "a.txt",
        CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
    };
}
