using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Mail;

/// <summary>
/// The SendGrid sender against a stand-in for SendGrid's v3 API (SendGrid cannot be reached from here): the stand-in
/// checks the request as SendGrid's mail-send reference specifies it and answers as SendGrid does.
/// </summary>
public sealed class SendGridMailSenderTests
{
    private const string ApiKey = "SG.test-key";

    private static readonly OutgoingMail Mail = new("user@example.com", "CESS | Authorization token", "<p>token</p>", "token");

    [Fact]
    public async Task SendAsync_SendGridStandIn_PostsV3MailSendAsSpecified()
    {
        string? problem = "no request";
        await using var sendGrid = await StandInServer.StartAsync(async context =>
        {
            problem = await CheckAsync(context.Request);
            context.Response.StatusCode = problem is null ? StatusCodes.Status202Accepted : StatusCodes.Status400BadRequest;
        });

        await Sender(sendGrid.BaseAddress).SendAsync(Mail);

        Assert.Null(problem);
    }

    [Fact]
    public async Task SendAsync_SendGridStandInRefuses_ThrowsWithSendGridsMessage()
    {
        await using var sendGrid = await StandInServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("""{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}""");
        });

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Sender(sendGrid.BaseAddress).SendAsync(Mail));

        Assert.Equal(401, error.Status);
        Assert.Contains("authorization grant is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SendGridStandInBusyOnce_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var sendGrid = await StandInServer.StartAsync(context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref calls) == 1 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        });

        await Sender(sendGrid.BaseAddress).SendAsync(Mail);

        Assert.Equal(2, calls);
    }

    private static SendGridMailSender Sender(Uri baseAddress) => new(new HttpClient(), Options.Create(new MailOptions
    {
        Sender = MailSenderKind.SendGrid,
        From = "gateway@example.org",
        FromName = "CESS",
        SendGrid = new SendGridMailOptions { ApiKey = ApiKey, BaseUrl = baseAddress.AbsoluteUri },
    }));

    /// <summary>What SendGrid's reference requires of <c>POST /v3/mail/send</c>; null when the request meets it.</summary>
    private static async Task<string?> CheckAsync(HttpRequest request)
    {
        if (request.Method != "POST" || request.Path != "/v3/mail/send")
        {
            return $"{request.Method} {request.Path}";
        }

        if (request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            return "Authorization";
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return "Content-Type";
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        using var body = JsonDocument.Parse(await reader.ReadToEndAsync());
        var expected = JsonDocument.Parse("""
            {"personalizations":[{"to":[{"email":"user@example.com"}]}],
             "from":{"email":"gateway@example.org","name":"CESS"},
             "subject":"CESS | Authorization token",
             "content":[{"type":"text/plain","value":"token"},{"type":"text/html","value":"<p>token</p>"}]}
            """);
        return JsonElement.DeepEquals(body.RootElement, expected.RootElement) ? null : "body " + body.RootElement.GetRawText();
    }
}
