using FunctionsGateway.Core.CessGateway;

namespace FunctionsGateway.Core.Tests.CessGateway;

/// <summary>The original's mails (compat.md §1.4): subjects and wording.</summary>
public sealed class CessMailsTests
{
    [Fact]
    public void Captcha_Mail_HasTheOriginalsSubjectAndWording()
    {
        var mail = CessMails.Captcha("alice@example.com", 123456);

        Assert.Equal(("alice@example.com", "CESS | Authorization captcha"), (mail.To, mail.Subject));
        Assert.Equal("Hey, Here's your captcha:\n123456\nvalidity: 5 minutes\n", mail.Text);
        Assert.Contains("123456", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Hey, Here&#39;s your captcha:", mail.Html, StringComparison.Ordinal);
        Assert.Equal("123456", CessMails.ReadSecret(mail.Text));
    }

    [Fact]
    public void Token_Mail_HasTheOriginalsSubjectAndWording()
    {
        var mail = CessMails.Token("alice@example.com", "3xYz");

        Assert.Equal("CESS | Authorization token", mail.Subject);
        Assert.Equal("Hey, Here's your token:\n3xYz\nvalidity: 1 month\n", mail.Text);
        Assert.Equal("3xYz", CessMails.ReadSecret(mail.Text));
    }
}
