using FunctionsGateway.Core.Mail;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Mail;

[Collection(AzuriteCollection.Name)]
public sealed class OutboxMailSenderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendAsync_Message_StoredAsJsonBlobUnderRecipient()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var services = GatewayServices.Create(azurite, configure: s => s.UseTime(time));
        var sender = services.GetRequiredService<IMailSender>();

        await sender.SendAsync(new OutgoingMail("User@Example.com", "CESS | Authorization captcha", "<p>1</p>", "1"));

        var blobs = services.GetRequiredService<IBlobStorage>();
        var container = services.GetRequiredService<StorageNames>().MailOutboxContainer;
        var item = Assert.Single(await blobs.ListAsync(container, OutboxMailSender.BlobPrefix("user@example.com")).ToListAsync());
        Assert.EndsWith(".json", item.Name, StringComparison.Ordinal);
        await using var download = await blobs.DownloadAsync(container, item.Name);
        using var buffer = new MemoryStream();
        await download!.Content.CopyToAsync(buffer);
        var message = OutboxMailSender.Parse(buffer.ToArray());
        Assert.Equal(new OutboxMessage("User@Example.com", "CESS | Authorization captcha", "<p>1</p>", "1", time.GetUtcNow()), message);
        Assert.Contains("\"sentAt\":\"2024-05-06T07:08:09+00:00\"", System.Text.Encoding.UTF8.GetString(buffer.ToArray()), StringComparison.Ordinal);
    }
}
