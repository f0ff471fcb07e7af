namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// A Decoo request the client got wrong (bad field, bad <c>secret</c>, a <c>cid</c> that is not the file's, no RSA key
/// registered): the surface answers <see cref="Status"/> in Decoo's envelope with the message as detail. Nothing is stored.
/// </summary>
public sealed class DecooRequestException : Exception
{
    public DecooRequestException(string message, int status = 400)
        : base(message) => Status = status;

    public DecooRequestException()
        : this("Bad request")
    {
    }

    public DecooRequestException(string message, Exception innerException)
        : base(message, innerException) => Status = 400;

    /// <summary>The HTTP status (4xx).</summary>
    public int Status { get; }
}
