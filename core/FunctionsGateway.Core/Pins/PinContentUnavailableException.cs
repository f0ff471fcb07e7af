namespace FunctionsGateway.Core.Pins;

/// <summary>A pin's content cannot be had yet (an expected outcome the pin worker retries; the message is the pin's <c>status_details</c>).</summary>
internal sealed class PinContentUnavailableException : Exception
{
    public PinContentUnavailableException(string message)
        : base(message)
    {
    }

    public PinContentUnavailableException()
        : this("The content is not available.")
    {
    }

    public PinContentUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
