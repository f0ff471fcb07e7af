namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The one failure type of the Azure Storage boundary. <see cref="Status"/> is the HTTP status the
/// service answered, or 0 when no answer came (connection refused, timeout): then
/// <see cref="IsUnavailable"/> is true and the gateway answers 503.
/// </summary>
public sealed class AzureStorageException : Exception
{
    public AzureStorageException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public AzureStorageException()
        : this(0, null, "Azure Storage request failed.")
    {
    }

    public AzureStorageException(string message)
        : this(0, null, message)
    {
    }

    public AzureStorageException(string message, Exception innerException)
        : this(0, null, message, innerException)
    {
    }

    /// <summary>HTTP status from the service; 0 when the service did not answer.</summary>
    public int Status { get; }

    /// <summary>The service's <c>x-ms-error-code</c> (e.g. <c>BlobNotFound</c>, <c>EntityAlreadyExists</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>True when storage is unreachable or failing (no answer, 5xx, throttling): a 503 for the caller.</summary>
    public bool IsUnavailable => Status == 0 || Status >= 500 || Status == 429;
}
