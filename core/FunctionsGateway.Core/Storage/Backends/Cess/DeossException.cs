namespace FunctionsGateway.Core.Storage.Backends.Cess;

/// <summary>
/// The one failure type of the DeOSS boundary: DeOSS could not be reached (<see cref="Code"/> 0), or answered its
/// envelope with another code than 200 (DeOSS always sends HTTP 200 and puts the real status in the body, spec/cess.md §2.3).
/// </summary>
public sealed class DeossException : Exception
{
    public DeossException(int code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public DeossException()
        : this(0, "The DeOSS request failed.")
    {
    }

    public DeossException(string message)
        : this(0, message)
    {
    }

    public DeossException(string message, Exception innerException)
        : this(0, message, innerException)
    {
    }

    /// <summary>The envelope's <c>code</c>, or 0 when DeOSS did not answer.</summary>
    public int Code { get; }
}
