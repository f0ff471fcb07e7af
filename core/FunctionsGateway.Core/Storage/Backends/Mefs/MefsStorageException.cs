using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// The one failure type of the MEFS boundary (the S3 gateway, spec/compat.md §2.8): the S3 error the gateway
/// answered (<see cref="Status"/>, <see cref="ErrorCode"/>), or no answer at all (<see cref="IsUnreachable"/>).
/// <see cref="IsTransient"/> says whether the same request may succeed later (unreachable, timed out, 5xx,
/// throttled); access denied, a missing bucket and the like will not until someone changes something.
/// </summary>
public sealed class MefsStorageException : Exception
{
    public MefsStorageException(string operation, string bucket, string? key, int? status, string? errorCode, bool isTransient, string message, Exception? innerException = null)
        : base(Describe(operation, bucket, key, status, errorCode, message), innerException)
    {
        Operation = operation;
        Bucket = bucket;
        Key = key;
        Status = status;
        ErrorCode = errorCode;
        IsTransient = isTransient;
    }

    public MefsStorageException()
        : this("request", "", null, null, null, isTransient: false, "MEFS request failed.")
    {
    }

    public MefsStorageException(string message)
        : this("request", "", null, null, null, isTransient: false, message)
    {
    }

    public MefsStorageException(string message, Exception innerException)
        : this("request", "", null, null, null, isTransient: false, message, innerException)
    {
    }

    /// <summary>The S3 operation, e.g. <c>PutObject</c>.</summary>
    public string Operation { get; }

    public string Bucket { get; }

    public string? Key { get; }

    /// <summary>The HTTP status the gateway answered; null when it did not answer.</summary>
    public int? Status { get; }

    /// <summary>The S3 error code (<c>AccessDenied</c>, <c>NoSuchBucket</c>, <c>SlowDown</c>, …), when there was one.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when retrying later may succeed: unreachable, timed out, throttled or a server error.</summary>
    public bool IsTransient { get; }

    /// <summary>True when no answer came back (connection refused or dropped, timeout).</summary>
    public bool IsUnreachable => Status is null && IsTransient;

    /// <summary>The credentials were refused or lack the right (403: <c>AccessDenied</c>, <c>InvalidAccessKeyId</c>, <c>SignatureDoesNotMatch</c>).</summary>
    public bool IsAccessDenied => Status == 403;

    /// <summary>The bucket or object does not exist (<c>NoSuchBucket</c>, <c>NoSuchKey</c>, or a bare 404).</summary>
    public bool IsNotFound => Status == 404 || ErrorCode is "NoSuchBucket" or "NoSuchKey";

    /// <summary>True for the exceptions <see cref="From"/> turns into a <see cref="MefsStorageException"/>.</summary>
    internal static bool IsBoundaryFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException => true,
        // An HttpClient timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Maps what the S3 client threw to this boundary's exception.</summary>
    internal static MefsStorageException From(Exception e, string operation, string bucket, string? key)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case AmazonServiceException service when service.StatusCode != 0 && (service.ErrorCode is not null || (int)service.StatusCode >= 300):
            {
                var status = (int)service.StatusCode;
                var transient = status is 408 or 429 || (status >= 500 && status != 501)
                    || service.ErrorCode is "SlowDown" or "RequestTimeout" or "InternalError" or "ServiceUnavailable";
                var hint = status == 403 ? " Check Gateway:Mefs:AccessKey and Gateway:Mefs:SecretKey, and that the key may use this bucket." : "";
                return new MefsStorageException(operation, bucket, key, status, service.ErrorCode, transient, service.Message + hint, e);
            }

            case OperationCanceledException:
                return new MefsStorageException(operation, bucket, key, null, null, isTransient: true, "the S3 gateway did not answer in time (Gateway:Mefs:RequestTimeout)", e);

            default:
                // No answer: connection refused or dropped, name not resolved. The SDK may wrap the cause.
                var root = e;
                while (root is AmazonClientException { InnerException: { } inner })
                {
                    root = inner;
                }

                var unreachable = root is HttpRequestException or IOException or SocketException or WebException or OperationCanceledException;
                return unreachable
                    ? new MefsStorageException(operation, bucket, key, null, null, isTransient: true, $"the S3 gateway is unreachable ({root.Message})", e)
                    : new MefsStorageException(operation, bucket, key, null, null, isTransient: false, e.Message, e);
        }
    }

    private static string Describe(string operation, string bucket, string? key, int? status, string? errorCode, string message)
    {
        var target = key is null ? bucket : bucket + "/" + key;
        var answer = status is { } s ? $" ({s}{(errorCode is null ? "" : " " + errorCode)})" : "";
        return $"MEFS {operation} of {target} failed{answer}: {message}";
    }
}
