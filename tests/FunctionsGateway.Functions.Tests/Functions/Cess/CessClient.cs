using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Cess;

/// <summary>What a CESS-Gateway client does, as the seed's curl lines do it, plus reading the development outbox.</summary>
internal static class CessClient
{
    public static Task<HttpResponseMessage> AuthAsync(HttpClient http, string mailbox, long captcha) =>
        http.PostAsync("/cess/auth", new StringContent($$"""{"mailbox": "{{mailbox}}", "captcha": {{captcha}}}""", Encoding.UTF8, "application/json"));

    /// <summary><c>curl -X PUT URL/name -F 'file=@name' -H "Authorization: token"</c>.</summary>
    public static async Task<HttpResponseMessage> PutAsync(HttpClient http, string token, string name, byte[] content, string field = "file")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), field, name } };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/cess/" + Uri.EscapeDataString(name)) { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return await SendAsync(http, request, form);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, HttpContent content)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        await content.LoadIntoBufferAsync(); // a Content-Length, as curl -F sends
        return await http.SendAsync(request);
    }

    public static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return request;
    }

    /// <summary>Asserts the exact status and body.</summary>
    public static async Task ExpectAsync(HttpResponseMessage response, int status, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(body, text);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The outbox's messages to <paramref name="mailbox"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> OutboxAsync(IServiceProvider services, string mailbox)
    {
        var blobs = services.GetRequiredService<IBlobStorage>();
        var container = services.GetRequiredService<StorageNames>().MailOutboxContainer;
        var messages = new List<OutboxMessage>();
        await foreach (var item in blobs.ListAsync(container, OutboxMailSender.BlobPrefix(mailbox)))
        {
            await using var download = await blobs.DownloadAsync(container, item.Name);
            using var buffer = new MemoryStream();
            await download!.Content.CopyToAsync(buffer);
            messages.Add(OutboxMailSender.Parse(buffer.ToArray()));
        }

        return messages.OrderBy(m => m.SentAt).ToList();
    }

    /// <summary>The captcha or token of the last mail to <paramref name="mailbox"/> with <paramref name="subject"/>.</summary>
    public static async Task<string> LastSecretAsync(IServiceProvider services, string mailbox, string subject)
    {
        var mail = (await OutboxAsync(services, mailbox)).Last(m => m.Subject == subject);
        return CessMails.ReadSecret(mail.Text);
    }

    /// <summary>The whole flow: a captcha by mail, then a token by mail; returns the token.</summary>
    public static async Task<string> SignInAsync(HttpClient http, IServiceProvider services, string mailbox)
    {
        await ExpectAsync(await AuthAsync(http, mailbox, 0), 200, """{"code":200,"msg":"success"}""");
        var captcha = long.Parse(await LastSecretAsync(services, mailbox, CessMails.CaptchaSubject), System.Globalization.CultureInfo.InvariantCulture);
        await ExpectAsync(await AuthAsync(http, mailbox, captcha), 200, """{"code":200,"msg":"A new token has been sent to your mailbox"}""");
        return await LastSecretAsync(services, mailbox, CessMails.TokenSubject);
    }

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Gateway:Cess:Token:GenerateKeyIfMissing"] = "true" };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        return settings;
    }
}
