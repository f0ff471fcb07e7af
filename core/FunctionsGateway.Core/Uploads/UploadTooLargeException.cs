namespace FunctionsGateway.Core.Uploads;

/// <summary>An upload is larger than the limit; surfaces answer 413. Nothing of it has been committed.</summary>
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException(long limit)
        : base($"The upload exceeds the limit of {limit} bytes.")
    {
        Limit = limit;
    }

    public UploadTooLargeException()
        : this(0)
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Limit { get; }
}
