using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Mail;

/// <summary>
/// Sends through SendGrid's v3 API (https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send):
/// <c>POST /v3/mail/send</c> with <c>Authorization: Bearer {key}</c> and one personalization; the plain text
/// comes first in <c>content</c>, as the API requires. 202 means accepted. 429 and 5xx answers are retried
/// twice (SendGrid did not accept the message then); any other answer is a <see cref="MailDeliveryException"/>
/// carrying SendGrid's first error message.
/// </summary>
public sealed class SendGridMailSender(HttpClient http, IOptions<MailOptions> options) : IMailSender
{
    /// <summary>The named <see cref="HttpClient"/> this sender uses.</summary>
    public const string HttpClientName = "sendgrid";

    private const int MaxTries = 3;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        var body = new SendGridMail(
            [new SendGridPersonalization([new SendGridAddress(mail.To, null)])],
            new SendGridAddress(o.From, string.IsNullOrEmpty(o.FromName) ? null : o.FromName),
            mail.Subject,
            [new SendGridContent("text/plain", mail.Text), new SendGridContent("text/html", mail.Html)]);
        var json = JsonSerializer.SerializeToUtf8Bytes(body, MailJsonContext.Default.SendGridMail);
        var uri = new Uri(new Uri(o.SendGrid.BaseUrl.TrimEnd('/') + "/"), "v3/mail/send");

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(json) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.SendGrid.ApiKey);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(o.SendGrid.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, timeout.Token);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new MailDeliveryException($"SendGrid could not be reached: {e.Message}", e);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Accepted || response.IsSuccessStatusCode)
                {
                    return;
                }

                var status = (int)response.StatusCode;
                if ((status == 429 || status >= 500) && attempt < MaxTries)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new MailDeliveryException(status, $"SendGrid refused the message ({status}): {FirstError(text)}");
            }
        }
    }

    private static string FirstError(string text)
    {
        try
        {
            var errors = JsonSerializer.Deserialize(text, MailJsonContext.Default.SendGridErrors);
            return errors?.Errors is [var first, ..] && first.Message is { } message ? message : text;
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}

internal sealed record SendGridMail(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization> Personalizations,
    [property: JsonPropertyName("from")] SendGridAddress From,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<SendGridContent> Content);

internal sealed record SendGridPersonalization([property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress> To);

internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

internal sealed record SendGridContent([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("value")] string Value);

internal sealed record SendGridErrors([property: JsonPropertyName("errors")] IReadOnlyList<SendGridError>? Errors);

internal sealed record SendGridError([property: JsonPropertyName("message")] string? Message);

[JsonSerializable(typeof(OutboxMessage))]
[JsonSerializable(typeof(SendGridMail))]
[JsonSerializable(typeof(SendGridErrors))]
internal sealed partial class MailJsonContext : JsonSerializerContext;
