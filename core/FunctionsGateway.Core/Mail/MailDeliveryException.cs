namespace FunctionsGateway.Core.Mail;

/// <summary>
/// The one failure type of the mail boundary: the SMTP server or SendGrid refused the message or could not be
/// reached. <see cref="Status"/> is the SMTP reply code or HTTP status when there was one, else 0.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException(int status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    public MailDeliveryException()
        : this(0, "The mail could not be sent.")
    {
    }

    public MailDeliveryException(string message)
        : this(0, message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : this(0, message, innerException)
    {
    }

    /// <summary>The SMTP reply code or HTTP status the peer answered; 0 when it did not answer.</summary>
    public int Status { get; }
}
