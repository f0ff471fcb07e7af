namespace FunctionsGateway.Core.Pins;

/// <summary>A pin or a listing query that breaks the Pinning Service API's rules (a 400 <c>BAD_REQUEST</c>); the message says which.</summary>
public sealed class PinRequestException : Exception
{
    public PinRequestException(string message)
        : base(message)
    {
    }

    public PinRequestException()
        : this("The pin request is invalid.")
    {
    }

    public PinRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
