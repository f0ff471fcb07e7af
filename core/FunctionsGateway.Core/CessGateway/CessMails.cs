using System.Net;
using FunctionsGateway.Core.Mail;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>The two mails of CESS-Gateway (compat.md §1.4, <c>email_template.go</c>): subjects and wording as the original's.</summary>
public static class CessMails
{
    public const string CaptchaSubject = "CESS | Authorization captcha";
    public const string TokenSubject = "CESS | Authorization token";

    public static OutgoingMail Captcha(string mailbox, long captcha) =>
        Build(mailbox, CaptchaSubject, "Hey, Here's your captcha:", captcha.ToString(System.Globalization.CultureInfo.InvariantCulture), "validity: 5 minutes");

    public static OutgoingMail Token(string mailbox, string token) =>
        Build(mailbox, TokenSubject, "Hey, Here's your token:", token, "validity: 1 month");

    /// <summary>The secret (captcha or token) in a mail <see cref="Captcha"/> or <see cref="Token"/> made: the text body's second line.</summary>
    public static string ReadSecret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        return lines.Length >= 2 ? lines[1].Trim() : throw new FormatException("Not a CESS captcha or token mail.");
    }

    private static OutgoingMail Build(string mailbox, string subject, string greeting, string secret, string validity)
    {
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family:Arial,Helvetica,sans-serif">
            <p>{WebUtility.HtmlEncode(greeting)}</p>
            <p style="font-size:20px;font-weight:bold;word-break:break-all">{WebUtility.HtmlEncode(secret)}</p>
            <p>{WebUtility.HtmlEncode(validity)}</p>
            </body></html>
            """;
        return new OutgoingMail(mailbox, subject, html, $"{greeting}\n{secret}\n{validity}\n");
    }
}
