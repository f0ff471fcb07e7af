using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using FunctionsGateway.Core.Storage.Backends.Mefs;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

public sealed class MefsStorageExceptionTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", true)]
    [InlineData(HttpStatusCode.TooManyRequests, null, true)]
    [InlineData(HttpStatusCode.NotImplemented, "NotImplemented", false)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", false)]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket", false)]
    public void From_ServiceError_StatusCodeAndWhetherTransient(HttpStatusCode status, string? code, bool transient)
    {
        var mapped = MefsStorageException.From(ServiceError(status, code), "PutObject", "bucket", "key");

        Assert.Equal(((int?)status, code, transient), (mapped.Status, mapped.ErrorCode, mapped.IsTransient));
        Assert.False(mapped.IsUnreachable);
        Assert.Contains("MEFS PutObject of bucket/key failed", mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_AccessDenied_SaysWhichSettingsToCheck()
    {
        var mapped = MefsStorageException.From(ServiceError(HttpStatusCode.Forbidden, "InvalidAccessKeyId"), "CreateBucket", "fg-x1", null);

        Assert.True(mapped.IsAccessDenied);
        Assert.Contains("(403 InvalidAccessKeyId)", mapped.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Mefs:AccessKey", mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoSuchKey_IsNotFound() =>
        Assert.True(MefsStorageException.From(ServiceError(HttpStatusCode.NotFound, "NoSuchKey"), "GetObject", "b", "k").IsNotFound);

    [Fact]
    public void From_ConnectionRefused_UnreachableAndTransient()
    {
        var refused = new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));

        var direct = MefsStorageException.From(refused, "PutObject", "b", "k");
        var wrapped = MefsStorageException.From(new AmazonClientException("request failed", refused), "PutObject", "b", "k");

        Assert.All([direct, wrapped], e => Assert.True(e.IsUnreachable && e.IsTransient));
        Assert.Contains("unreachable (Connection refused (127.0.0.1:1))", wrapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_TimeoutCancellation_Transient()
    {
        var mapped = MefsStorageException.From(new TaskCanceledException("timed out"), "GetObject", "b", "k");

        Assert.True(mapped.IsTransient);
        Assert.Contains("did not answer in time", mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ClientSideError_NotTransient() =>
        Assert.False(MefsStorageException.From(new AmazonClientException("Expected hash not equal to calculated hash"), "GetObject", "b", "k").IsTransient);

    [Fact]
    public void IsBoundaryFailure_OwnCancellation_False()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(MefsStorageException.IsBoundaryFailure(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.True(MefsStorageException.IsBoundaryFailure(new OperationCanceledException(), CancellationToken.None));
        Assert.False(MefsStorageException.IsBoundaryFailure(new InvalidOperationException(), CancellationToken.None));
    }

    private static AmazonS3Exception ServiceError(HttpStatusCode status, string? code) =>
        new("the server said no", ErrorType.Sender, code, "request-id", status);
}
