using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Core.Uploads.Direct;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads.Direct;

[Collection(AzuriteCollection.Name)]
public sealed class DirectUploadServiceTests(AzuriteFixture azurite)
{
    private const string Owner = "owner1";

    [Fact]
    public async Task CreateAsync_Ticket_SasForTheStagingBlobOnlyUntilTheLifetime()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:LargeUploads:SasLifetime"] = "00:30:00" }, s => s.UseTime(clock));

        var ticket = await services.GetRequiredService<DirectUploadService>().CreateAsync(new DirectUploadCreation(Owner, "a.bin", null, 10));

        var names = services.GetRequiredService<StorageNames>();
        Assert.EndsWith($"/{names.StagingContainer}/{Owner}/{ticket.Session.Id}", ticket.BlobUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=cw&", ticket.BlobUrl.Query, StringComparison.Ordinal);
        Assert.Contains("sr=b&", ticket.BlobUrl.Query, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), ticket.ExpiresAt);
        Assert.Equal(clock.GetUtcNow().AddHours(24), ticket.Session.ExpiresAt);
    }

    [Fact]
    public async Task CompleteAsync_AfterExpiry_ExpiredAndNoFile()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var services = GatewayServices.Create(azurite, configure: s => s.UseTime(clock));
        var direct = services.GetRequiredService<DirectUploadService>();
        var ticket = await direct.CreateAsync(new DirectUploadCreation(Owner, "a.bin", null, null));
        await services.GetRequiredService<IBlobStorage>().UploadAsync(services.GetRequiredService<StorageNames>().StagingContainer, ticket.Session.StagedBlob, new byte[] { 1 });

        clock.Advance(TimeSpan.FromHours(24));

        Assert.Equal(DirectCompletionStatus.Expired, (await direct.CompleteAsync(Owner, ticket.Session.Id)).Status);
        Assert.Null(await services.GetRequiredService<FileIndex>().GetAsync(Owner, ticket.Session.Id));
    }

    [Fact]
    public async Task CompleteAsync_FileDeletedSince_NotFound()
    {
        await using var services = GatewayServices.Create(azurite);
        var direct = services.GetRequiredService<DirectUploadService>();
        var ticket = await direct.CreateAsync(new DirectUploadCreation(Owner, "a.bin", null, null));
        await services.GetRequiredService<IBlobStorage>().UploadAsync(services.GetRequiredService<StorageNames>().StagingContainer, ticket.Session.StagedBlob, new byte[] { 1 });
        var file = (await direct.CompleteAsync(Owner, ticket.Session.Id)).File!;

        await services.GetRequiredService<FileContentReader>().DeleteAsync(file);

        Assert.Equal(DirectCompletionStatus.NotFound, (await direct.CompleteAsync(Owner, ticket.Session.Id)).Status);
    }

    [Fact]
    public async Task CreateAsync_DeclaredSizeOverTheLimit_Throws()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Uploads:MaxFileBytes"] = "100" });

        await Assert.ThrowsAsync<UploadTooLargeException>(() => services.GetRequiredService<DirectUploadService>().CreateAsync(new DirectUploadCreation(Owner, "a", null, 101)));
    }
}
