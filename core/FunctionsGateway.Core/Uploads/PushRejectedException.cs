namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// A backend refused a push for a reason another attempt cannot change (its CID differs from the one the
/// gateway computed, the content violates its rules): the file is marked failed at once, with this message.
/// </summary>
public sealed class PushRejectedException : Exception
{
    public PushRejectedException()
        : base("The backend rejected the push.")
    {
    }

    public PushRejectedException(string message)
        : base(message)
    {
    }

    public PushRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
