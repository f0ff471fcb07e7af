using System.Globalization;
using System.Text;

namespace FunctionsGateway.Core.Mail;

/// <summary>
/// Formats a message as RFC 5322 text with a MIME <c>multipart/alternative</c> body (RFC 2045–2047): the plain
/// text first, then the HTML, each UTF-8 in base64 lines of 76 characters, so that no body line can start with a
/// dot or exceed SMTP's line limit. Non-ASCII subjects and names are RFC 2047 encoded words. Pure.
/// </summary>
public static class SmtpMessageFormat
{
    /// <summary>The message text, CRLF line ends, without SMTP dot-stuffing (the transport adds that).</summary>
    /// <exception cref="ArgumentException">A header value contains a line break (header injection).</exception>
    public static string Format(OutgoingMail mail, string from, string fromName, DateTimeOffset date, string messageId, string boundary)
    {
        ArgumentNullException.ThrowIfNull(mail);
        RequireSingleLine(mail.To, nameof(mail));
        RequireSingleLine(mail.Subject, nameof(mail));
        RequireSingleLine(from, nameof(from));
        RequireSingleLine(fromName, nameof(fromName));
        var text = new StringBuilder();
        var sender = string.IsNullOrEmpty(fromName) ? $"<{from}>" : $"{EncodePhrase(fromName)} <{from}>";
        Header(text, "From", sender);
        Header(text, "To", $"<{mail.To}>");
        Header(text, "Subject", EncodeText(mail.Subject));
        Header(text, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
        Header(text, "Message-ID", $"<{messageId}>");
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        text.Append("\r\n");
        Part(text, boundary, "text/plain", mail.Text);
        Part(text, boundary, "text/html", mail.Html);
        text.Append("--").Append(boundary).Append("--\r\n");
        return text.ToString();
    }

    /// <summary>SMTP's transparency rule (RFC 5321 §4.5.2): a line starting with '.' gets one more.</summary>
    public static string DotStuff(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stuffed = message.Replace("\r\n.", "\r\n..", StringComparison.Ordinal);
        return stuffed.StartsWith('.') ? "." + stuffed : stuffed;
    }

    private static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Part(StringBuilder text, string boundary, string type, string body)
    {
        text.Append("--").Append(boundary).Append("\r\n");
        Header(text, "Content-Type", type + "; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < base64.Length; i += 76)
        {
            text.Append(base64.AsSpan(i, Math.Min(76, base64.Length - i))).Append("\r\n");
        }
    }

    private static string EncodeText(string value) => IsPrintableAscii(value) ? value : EncodedWord(value);

    private static string EncodePhrase(string value) =>
        IsPrintableAscii(value) ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : EncodedWord(value);

    private static string EncodedWord(string value) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    private static void RequireSingleLine(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A header value must not contain a line break.", parameterName);
        }
    }
}
