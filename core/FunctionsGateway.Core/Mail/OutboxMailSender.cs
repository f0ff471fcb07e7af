using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Mail;

/// <summary>
/// The development sender (DESIGN.md §8): each message becomes a JSON blob <c>{to, subject, html, text, sentAt}</c>
/// in the <c>mail-outbox</c> container, named <c>{to}/{sentAt}-{random}.json</c> so that one recipient's mail
/// lists in the order it was sent. Nothing leaves the storage account.
/// </summary>
public sealed class OutboxMailSender(IBlobStorage blobs, StorageBootstrap bootstrap, StorageNames names, TimeProvider time) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var sentAt = time.GetUtcNow();
        var message = new OutboxMessage(mail.To, mail.Subject, mail.Html, mail.Text, sentAt);
        var name = BlobPrefix(mail.To) + sentAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..8] + ".json";
        await blobs.UploadAsync(
            names.MailOutboxContainer,
            name,
            JsonSerializer.SerializeToUtf8Bytes(message, MailJsonContext.Default.OutboxMessage),
            new BlobHttpHeaders("application/json"),
            cancellationToken);
    }

    /// <summary>The prefix under which one recipient's messages are stored.</summary>
    public static string BlobPrefix(string to)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        return to.ToLowerInvariant() + "/";
    }

    /// <summary>Parses one outbox blob.</summary>
    public static OutboxMessage Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, MailJsonContext.Default.OutboxMessage) ?? throw new JsonException("An outbox blob holds null.");
}

/// <summary>A message as the outbox stores it.</summary>
public sealed record OutboxMessage(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sentAt")] DateTimeOffset SentAt);
