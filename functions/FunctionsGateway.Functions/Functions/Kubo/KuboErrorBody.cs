using System.Globalization;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// Kubo's error body for every <c>/api/v0</c> answer, <c>{"Message":"…","Code":0,"Type":"error"}</c>, and the one
/// place the RPC maps failures to statuses: a bad argument or body → 400 (where Kubo says 500), content that is not
/// here → 404, too large → 413, over the caller's quota → 409, storage down → 503 with <c>Retry-After</c> (docs/compatibility.md, "Kubo RPC").
/// </summary>
internal sealed class KuboErrorBody : IErrorBodyWriter
{
    public static readonly KuboErrorBody Instance = new();

    /// <summary>An error answer.</summary>
    public static IResult Result(int status, string message) =>
        Results.Json(new KuboError(message), KuboJsonContext.Default.KuboError, statusCode: status);

    /// <summary>The status and message of a failure the RPC answers itself; false for anything else (a 500).</summary>
    public static bool TryDescribe(Exception exception, out int status, out string message)
    {
        (status, message) = exception switch
        {
            RpcRequestException e => (e.Status, e.Message),
            UploadTooLargeException e => (StatusCodes.Status413PayloadTooLarge, e.Message),
            QuotaExceededException e => (StatusCodes.Status409Conflict, e.Message),
            BadHttpRequestException e => (e.StatusCode, e.Message),
            AzureStorageException => (StatusCodes.Status503ServiceUnavailable, "storage is unavailable; try again later"),
            _ => (0, ""),
        };
        return status != 0;
    }

    /// <summary>Answers a failure described by <see cref="TryDescribe"/> on a response that has not started.</summary>
    public static IResult Failure(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = GatewayExceptionMiddleware.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Result(status, message);
    }

    public Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new KuboError(message), KuboJsonContext.Default.KuboError, "application/json", response.HttpContext.RequestAborted);
    }
}
