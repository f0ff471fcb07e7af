using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Mail;

/// <summary>Which mail sender the gateway uses.</summary>
public enum MailSenderKind
{
    /// <summary>Development: every message becomes a JSON blob in the <c>mail-outbox</c> container.</summary>
    Outbox,

    /// <summary>An SMTP server (<see cref="MailOptions.Smtp"/>).</summary>
    Smtp,

    /// <summary>SendGrid's v3 HTTP API (<see cref="MailOptions.SendGrid"/>).</summary>
    SendGrid,
}

/// <summary>How <see cref="SmtpMailSender"/> secures its connection.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it; implicit TLS on port 465 (what CESS-Gateway's gomail dialer does).</summary>
    Auto,

    /// <summary>Plain text only (a relay on loopback or in the same virtual network).</summary>
    None,

    /// <summary>STARTTLS is required; a server that does not offer it is an error.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    Tls,
}

/// <summary>Mail settings, section <c>Gateway:Mail</c>.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Mail";

    /// <summary><c>Outbox</c> (default, development), <c>Smtp</c> or <c>SendGrid</c>.</summary>
    public MailSenderKind Sender { get; set; } = MailSenderKind.Outbox;

    /// <summary>The sender address. Required for SMTP and SendGrid; default <c>gateway@localhost</c> for the outbox.</summary>
    [EmailAddress(ErrorMessage = "Gateway:Mail:From must be an e-mail address.")]
    public string From { get; set; } = "gateway@localhost";

    /// <summary>The sender's display name. Default <c>CESS</c>, as the original's mails read.</summary>
    [StringLength(128, ErrorMessage = "Gateway:Mail:FromName must be at most 128 characters.")]
    public string FromName { get; set; } = "CESS";

    /// <summary>SMTP settings, used when <see cref="Sender"/> is <c>Smtp</c>.</summary>
    [ValidateObjectMembers]
    public SmtpMailOptions Smtp { get; set; } = new();

    /// <summary>SendGrid settings, used when <see cref="Sender"/> is <c>SendGrid</c>.</summary>
    [ValidateObjectMembers]
    public SendGridMailOptions SendGrid { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sender == MailSenderKind.Smtp && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            yield return new ValidationResult("Gateway:Mail:Smtp:Host is required when Gateway:Mail:Sender is Smtp.", [nameof(Smtp)]);
        }

        if (Sender == MailSenderKind.SendGrid && string.IsNullOrWhiteSpace(SendGrid.ApiKey))
        {
            yield return new ValidationResult("Gateway:Mail:SendGrid:ApiKey is required when Gateway:Mail:Sender is SendGrid.", [nameof(SendGrid)]);
        }

        if (Sender != MailSenderKind.Outbox && From.EndsWith("@localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Gateway:Mail:From must be a real sender address when Gateway:Mail:Sender is not Outbox.", [nameof(From)]);
        }
    }
}

/// <summary>SMTP settings, section <c>Gateway:Mail:Smtp</c> (CESS-Gateway's <c>SMTPHost</c>, <c>SMTPPort</c>, <c>EmailAddress</c>, <c>AuthorizationCode</c>).</summary>
public sealed class SmtpMailOptions
{
    /// <summary>The server's host name. Required with the SMTP sender.</summary>
    public string Host { get; set; } = "";

    /// <summary>The server's port. Default 587 (submission).</summary>
    [Range(1, 65535, ErrorMessage = "Gateway:Mail:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (default), <c>None</c>, <c>StartTls</c> or <c>Tls</c>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The login (AUTH PLAIN, or LOGIN when the server offers only that); empty for none.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The password or authorization code (a secret).</summary>
    public string Password { get; set; } = "";

    /// <summary>The time limit of one message's whole exchange. Default 30 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Validated by the source-generated MailOptionsValidator, not by reflection.")]
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Gateway:Mail:Smtp:Timeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>SendGrid settings, section <c>Gateway:Mail:SendGrid</c>.</summary>
public sealed class SendGridMailOptions
{
    /// <summary>The API key (a secret), sent as <c>Authorization: Bearer</c>. Required with the SendGrid sender.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API's base address. Default <c>https://api.sendgrid.com</c>.</summary>
    [Url(ErrorMessage = "Gateway:Mail:SendGrid:BaseUrl must be an absolute URL.")]
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>The time limit of one try. Default 30 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Validated by the source-generated MailOptionsValidator, not by reflection.")]
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Gateway:Mail:SendGrid:Timeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
