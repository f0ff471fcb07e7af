using System.Net.Security;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Mail;

/// <summary>The SMTP sender against a real SMTP server (npm smtp-server, messages parsed by mailparser).</summary>
public sealed class SmtpMailSenderTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private static readonly OutgoingMail Mail = new(
        "user@example.com", "CESS | Authorization captcha", "<p>Hey, Here's your captcha:</p><p><b>123456</b></p>", "Hey, Here's your captcha:\n123456\nvalidity: 5 minutes");

    [Fact]
    public async Task SendAsync_StartTlsWithLogin_ServerReceivesBothParts()
    {
        await Sender(SmtpSecurity.StartTls, trustServer: true).SendAsync(Mail);

        var received = await smtp.NextMessageAsync();
        Assert.Equal("gateway@example.org", received.GetProperty("from").GetString());
        Assert.Equal(["user@example.com"], received.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.True(received.GetProperty("secure").GetBoolean());
        Assert.Equal(SmtpServerFixture.UserName, received.GetProperty("user").GetString());
        Assert.Equal(Mail.Subject, received.GetProperty("subject").GetString());
        Assert.Equal(Mail.Text, received.GetProperty("text").GetString()!.TrimEnd('\n'));
        Assert.Equal(Mail.Html, received.GetProperty("html").GetString()!.TrimEnd('\n'));
        Assert.Contains("CESS", received.GetProperty("headers").GetProperty("from").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PlainTextOnLoopback_AuthenticatesWithoutTls()
    {
        var mail = Mail with { Subject = "Grüße | .dot", Text = ".leading dot\n..two", Html = "<p>ü</p>" };

        await Sender(SmtpSecurity.None, trustServer: false).SendAsync(mail);

        var received = await smtp.NextMessageAsync();
        Assert.False(received.GetProperty("secure").GetBoolean());
        Assert.Equal(mail.Subject, received.GetProperty("subject").GetString());
        Assert.Equal(mail.Text, received.GetProperty("text").GetString()!.TrimEnd('\n'));
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ThrowsWithReplyCode()
    {
        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Sender(SmtpSecurity.StartTls, trustServer: true, password: "wrong").SendAsync(Mail));

        Assert.Equal(535, error.Status);
    }

    [Fact]
    public async Task SendAsync_UntrustedCertificate_Throws()
    {
        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Sender(SmtpSecurity.StartTls, trustServer: false).SendAsync(Mail));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_Throws()
    {
        var options = Options(SmtpSecurity.Auto, SmtpServerFixture.Password);
        options.Value.Smtp.Port = FreePorts.Next();

        await Assert.ThrowsAsync<MailDeliveryException>(() => new SmtpMailSender(options, TimeProvider.System).SendAsync(Mail));
    }

    private SmtpMailSender Sender(SmtpSecurity security, bool trustServer, string password = SmtpServerFixture.Password)
    {
        RemoteCertificateValidationCallback? trust = trustServer
            ? (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == smtp.Certificate.GetCertHashString()
            : null;
        return new SmtpMailSender(Options(security, password), TimeProvider.System, trust);
    }

    private IOptions<MailOptions> Options(SmtpSecurity security, string password) => Microsoft.Extensions.Options.Options.Create(new MailOptions
    {
        Sender = MailSenderKind.Smtp,
        From = "gateway@example.org",
        Smtp = new SmtpMailOptions
        {
            Host = "localhost",
            Port = smtp.Port,
            Security = security,
            UserName = SmtpServerFixture.UserName,
            Password = password,
            Timeout = TimeSpan.FromSeconds(10),
        },
    });
}
