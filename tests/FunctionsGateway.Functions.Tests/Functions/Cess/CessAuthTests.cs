using System.Globalization;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsGateway.Functions.Tests.Functions.Cess;

/// <summary><c>POST /cess/auth</c> through every step of compat.md §1.4's state machine, and the token preamble of §1.3.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CessAuthTests(AzuriteFixture azurite)
{
    private const string Mailbox = "dave@example.com";
    private const string Success = """{"code":200,"msg":"success"}""";
    private const string TokenSent = """{"code":200,"msg":"A new token has been sent to your mailbox"}""";
    private const string CaptchaError = """{"code":500,"msg":"captcha error"}""";

    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Auth_BadBodies_AnswerHttpErrorOrEmailFormatError()
    {
        await using var app = App();
        using var http = app.CreateClient();
        const string httpError = """{"code":400,"msg":"HTTP Error"}""";

        await CessClient.ExpectAsync(await Post(http, "not json"), 400, httpError);
        await CessClient.ExpectAsync(await Post(http, """{"mailbox":"a@example.com","captcha":"123456"}"""), 400, httpError);
        await CessClient.ExpectAsync(await Post(http, """{"mailbox":7,"captcha":0}"""), 400, httpError);
        await CessClient.ExpectAsync(await Post(http, """[1]"""), 400, httpError);
        await CessClient.ExpectAsync(await Post(http, """{"mailbox":"Upper@example.com","captcha":0}"""), 400, """{"code":400,"msg":"Email Format Error"}""");
        await CessClient.ExpectAsync(await Post(http, """{"mailbox":"a@example.com\n","captcha":0}"""), 400, """{"code":400,"msg":"Email Format Error"}""");
        await CessClient.ExpectAsync(await Post(http, """{"MAILBOX":"a@example.com"}"""), 200, Success); // Go: keys case-insensitive, captcha 0
    }

    [Fact]
    public async Task Auth_CaptchaWrongExpiredAndLimited_FollowsTheStateMachine()
    {
        await using var app = App();
        using var http = app.CreateClient();
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, Success);
        var captcha = await CaptchaAsync(app);

        // Wrong: HTTP 400 with body code 500 (≠), the captcha stays valid.
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, captcha + 1), 400, CaptchaError);

        // Expired: a new captcha is mailed.
        _time.Advance(TimeSpan.FromSeconds(CessAuthService.CaptchaLifetimeSeconds));
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, captcha), 200, """{"code":200,"msg":"captcha has expired and a new captcha has been sent to your mailbox"}""");
        var second = await CaptchaAsync(app);
        Assert.Equal(2, (await CessClient.OutboxAsync(app.Services, Mailbox)).Count);

        // Five wrong tries void it: even the right one is refused until it expires.
        for (var i = 0; i < 5; i++)
        {
            await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, second == 100000 ? 100001 : 100000), 400, CaptchaError);
        }

        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, second), 400, CaptchaError);
        _time.Advance(TimeSpan.FromMinutes(5));
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, second), 200, """{"code":200,"msg":"captcha has expired and a new captcha has been sent to your mailbox"}""");
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, await CaptchaAsync(app)), 200, TokenSent);
    }

    [Fact]
    public async Task Auth_TokenIssuedRefreshedAndExpired_FollowsTheStateMachine()
    {
        await using var app = App();
        using var http = app.CreateClient();
        var first = await CessClient.SignInAsync(http, app.Services, Mailbox);
        Assert.InRange(first.Length, 340, 352); // Base58 of 256 bytes

        // A captcha is ignored once a token exists; within 5 minutes of issue no new token is made.
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, """{"code":200,"msg":"Please log in to your email to view the token."}""");

        _time.Advance(TimeSpan.FromMinutes(6));
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, TokenSent);
        var second = await CessClient.LastSecretAsync(app.Services, Mailbox, CessMails.TokenSubject);
        Assert.NotEqual(first, second);
        var key = await app.Services.GetRequiredService<CessTokenKeyProvider>().GetKeyAsync();
        var (a, b) = (CessTokenCodec.TryDecode(first, key)!, CessTokenCodec.TryDecode(second, key)!);
        Assert.Equal((a.UserId, a.CreateUserTime, a.Mailbox), (b.UserId, b.CreateUserTime, b.Mailbox));
        Assert.Equal(b.CreateTokenTime + CessToken.LifetimeSeconds, b.ExpirationTime);

        // The replaced token is refused (the original accepted it; docs/compatibility.md), the new one works.
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", first)), 401, """{"code":401,"msg":"Unauthorized"}""");
        await CessClient.ReadAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", second)));

        _time.Advance(TimeSpan.FromDays(31));
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", second)), 401, """{"code":401,"msg":"token expired"}""");
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, """{"code":200,"msg":"Token expired, please retrieve."}""");
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, Success);
    }

    [Fact]
    public async Task Token_RevokeReplacedOff_KeepsTheReplacedTokenWorking()
    {
        await using var app = App(new Dictionary<string, string?> { ["Gateway:Cess:Token:RevokeReplaced"] = "false" });
        using var http = app.CreateClient();
        var first = await CessClient.SignInAsync(http, app.Services, Mailbox);
        _time.Advance(TimeSpan.FromMinutes(6));
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, TokenSent);
        var second = await CessClient.LastSecretAsync(app.Services, Mailbox, CessMails.TokenSubject);

        await CessClient.ReadAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", first)));
        await CessClient.ReadAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", second)));
    }

    [Fact]
    public async Task Token_RevokedOrForeign_IsCheckedAgainstTheRecord()
    {
        await using var app = App();
        using var http = app.CreateClient();
        var second = await CessClient.SignInAsync(http, app.Services, Mailbox);

        // An operator revokes the current one through /ops.
        var credential = await app.Services.GetRequiredService<CredentialStore>().FindAsync(CredentialKinds.CessToken, SecretHasher.Hash(second));
        using var ops = app.CreateOperatorClient();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await ops.DeleteAsync($"/ops/credentials/{credential!.Id}")).StatusCode);
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", second)), 401, """{"code":401,"msg":"Unauthorized"}""");

        // A token the original gateway issued with the same key (never seen here) works, and is recorded on first use.
        var key = await app.Services.GetRequiredService<CessTokenKeyProvider>().GetKeyAsync();
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var foreign = CessTokenCodec.Encode(new CessToken(42, now - 100, now - 100, now + 1000, "erin@example.com", "abcdefgh&<>12345"), key);
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", foreign)), 200, """{"code":200,"msg":"Empty"}""");
        Assert.NotNull(await app.Services.GetRequiredService<CredentialStore>().FindAsync(CredentialKinds.CessToken, SecretHasher.Hash(foreign)));
        var expired = CessTokenCodec.Encode(new CessToken(42, now - 100, now - 100, now, "erin@example.com", "abcdefgh12345678"), key);
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", expired)), 401, """{"code":401,"msg":"token expired"}""");
    }

    [Fact]
    public async Task Auth_MailFails_AnswersTheOriginalsMailErrors()
    {
        var mail = new SwitchableMailSender();
        await using var app = App(configure: s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(sp => mail.Wrap(sp.GetRequiredService<OutboxMailSender>()))));
        using var http = app.CreateClient();
        const string smtp = "Please confirm whether the SMTP service is enabled in your mailbox or contact the gateway administrator.";

        mail.Failing = true;
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 500, $$"""{"code":500,"msg":"{{smtp}}"}""");
        mail.Failing = false;
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, Success); // the failed captcha was removed

        _time.Advance(TimeSpan.FromMinutes(5));
        mail.Failing = true;
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 500, $$"""{"code":400,"msg":"{{smtp}}"}"""); // (≠)
        mail.Failing = false;
        await CessClient.SignInAsync(http, app.Services, Mailbox);

        _time.Advance(TimeSpan.FromMinutes(6));
        mail.Failing = true;
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 500, """{"code":500,"msg":"Please try again in 5 minutes."}""");
    }

    [Fact]
    public async Task Auth_MailboxTooLongForTheToken_AnswersUnexpectedError()
    {
        await using var app = App();
        using var http = app.CreateClient();
        // Passes the regex (32-character local part, four 32-character labels) but makes more than 245 bytes of JSON.
        var mailbox = new string('a', 32) + "@" + string.Concat(Enumerable.Repeat(new string('b', 32) + ".", 4)) + "abcd";
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, mailbox, 0), 200, Success);
        var captcha = long.Parse(await CessClient.LastSecretAsync(app.Services, mailbox, CessMails.CaptchaSubject), CultureInfo.InvariantCulture);

        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, mailbox, captcha), 500, """{"code":500,"msg":"Server unexpected error"}""");
    }

    [Fact]
    public async Task Auth_TokenMailFails_AnswersMailErrorAndKeepsTheToken()
    {
        var mail = new SwitchableMailSender();
        await using var app = App(configure: s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(sp => mail.Wrap(sp.GetRequiredService<OutboxMailSender>()))));
        using var http = app.CreateClient();
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, Success);
        var captcha = await CaptchaAsync(app);

        mail.Failing = true;
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, captcha), 500,
            """{"code":500,"msg":"Please confirm whether the SMTP service is enabled in your mailbox or contact the gateway administrator."}""");
        mail.Failing = false;

        // As in the original, the token stays stored: the next call finds it (issued less than 5 minutes ago).
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, """{"code":200,"msg":"Please log in to your email to view the token."}""");
    }

    [Fact]
    public async Task Auth_StoredTokenUnreadable_AnswersReAuthenticateAndStartsAgain()
    {
        await using var app = App();
        using var http = app.CreateClient();
        await CessClient.SignInAsync(http, app.Services, Mailbox);
        var tables = app.Services.GetRequiredService<FunctionsGateway.Core.Storage.Azure.ITableStorage>();
        var table = app.Services.GetRequiredService<FunctionsGateway.Core.Storage.StorageNames>().CessAuthTable;
        await tables.UpsertAsync(table, new FunctionsGateway.Core.Storage.Azure.TableEntity("mailbox", FunctionsGateway.Core.Storage.TableKeys.Encode(Mailbox)) { ["Kind"] = "token" },
            FunctionsGateway.Core.Storage.Azure.TableUpdateMode.Replace);

        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 500, """{"code":500,"msg":"Please re-authenticate"}""");
        await CessClient.ExpectAsync(await CessClient.AuthAsync(http, Mailbox, 0), 200, Success);
    }

    private GatewayApplication App(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        new(azurite, CessClient.Settings(settings), services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
            configure?.Invoke(services);
        });

    private static Task<HttpResponseMessage> Post(HttpClient http, string body) =>
        http.PostAsync("/cess/auth", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    private static async Task<long> CaptchaAsync(GatewayApplication app) =>
        long.Parse(await CessClient.LastSecretAsync(app.Services, Mailbox, CessMails.CaptchaSubject), CultureInfo.InvariantCulture);

    /// <summary>The outbox, or a failure like an SMTP server refusing the message.</summary>
    private sealed class SwitchableMailSender
    {
        public bool Failing { get; set; }

        public IMailSender Wrap(IMailSender inner) => new Sender(this, inner);

        private sealed class Sender(SwitchableMailSender owner, IMailSender inner) : IMailSender
        {
            public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
                owner.Failing ? throw new MailDeliveryException(550, "mailbox unavailable") : inner.SendAsync(mail, cancellationToken);
        }
    }
}
