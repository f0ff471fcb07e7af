namespace FunctionsGateway.Core.Mail;

/// <summary>
/// Sends mail (DESIGN.md §7): SendGrid, SMTP or the development outbox, chosen by
/// <see cref="MailOptions.Sender"/>. A message that cannot be handed over throws <see cref="MailDeliveryException"/>.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
