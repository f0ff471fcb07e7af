using FunctionsGateway.Core.Mail;

namespace FunctionsGateway.Core.Tests.Mail;

public sealed class SmtpMessageFormatTests
{
    private static readonly OutgoingMail Mail = new("a@example.com", "Subject", "<b>x</b>", "x");

    [Fact]
    public void Format_AsciiMessage_HasHeadersAndTwoBase64Parts()
    {
        var text = SmtpMessageFormat.Format(Mail, "gw@example.org", "CESS", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "id@example.org", "b1");

        Assert.StartsWith("From: \"CESS\" <gw@example.org>\r\nTo: <a@example.com>\r\nSubject: Subject\r\nDate: Tue, 02 Jan 2024 03:04:05 +0000\r\nMessage-ID: <id@example.org>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\neA==\r\n--b1\r\nContent-Type: text/html", text, StringComparison.Ordinal);
        Assert.EndsWith("--b1--\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a@example.com\r\nBcc: x@example.com", "Subject")]
    [InlineData("a@example.com", "Subject\nBcc: x@example.com")]
    public void Format_LineBreakInHeader_Throws(string to, string subject) =>
        Assert.Throws<ArgumentException>(() => SmtpMessageFormat.Format(Mail with { To = to, Subject = subject }, "gw@example.org", "", DateTimeOffset.UnixEpoch, "i@x", "b"));

    [Fact]
    public void Format_NonAsciiSubject_IsEncodedWord() =>
        Assert.Contains("Subject: =?utf-8?B?w7w=?=\r\n", SmtpMessageFormat.Format(Mail with { Subject = "ü" }, "gw@example.org", "", DateTimeOffset.UnixEpoch, "i@x", "b"), StringComparison.Ordinal);

    [Theory]
    [InlineData(".a\r\nb\r\n.c\r\n", "..a\r\nb\r\n..c\r\n")]
    [InlineData("a.\r\n", "a.\r\n")]
    public void DotStuff_LinesStartingWithDot_GetAnotherDot(string message, string expected) =>
        Assert.Equal(expected, SmtpMessageFormat.DotStuff(message));
}
