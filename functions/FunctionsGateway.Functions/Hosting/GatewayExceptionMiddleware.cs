using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Core.Storage.Backends.Mefs;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Maps failures to the gateway's envelope in one place (STYLE.md rule 6): a malformed or oversized request
/// → its 4xx; a request past its identity's quota → 409 <c>quota_exceeded</c>; storage trouble → 503 with <c>Retry-After</c> (never a 2xx for bytes that are not durable); an IPFS node
/// or a MEFS gateway that does not answer → 503 with <c>Retry-After</c>, an IPFS node that answers with an error → 502;
/// anything else → 500 with the request id, logged. No stack trace reaches the client. The body takes the shape of
/// the endpoint's surface (<see cref="IErrorBodyWriter"/>), the gateway's envelope by default. When the response has
/// already started (a download cut short), the connection is aborted so the client cannot mistake a
/// truncated body for a whole one.
/// </summary>
internal sealed partial class GatewayExceptionMiddleware(RequestDelegate next, ILogger<GatewayExceptionMiddleware> logger)
{
    /// <summary>Seconds a client should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException e)
        {
            LogBadRequest(logger, e.StatusCode, e.Message);
            await AnswerAsync(context, e.StatusCode, GatewayErrors.Describe(e.StatusCode).Code, e.StatusCode == StatusCodes.Status400BadRequest ? e.Message : GatewayErrors.Describe(e.StatusCode).Message);
        }
        catch (QuotaExceededException e)
        {
            LogQuotaExceeded(logger, e.Kind, e.Message);
            await AnswerAsync(context, StatusCodes.Status409Conflict, QuotaCheck.Code, e.Message);
        }
        catch (AzureStorageException e)
        {
            LogStorageFailed(logger, e, context.TraceIdentifier, e.Status, e.ErrorCode);
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "storage_unavailable", $"Storage is unavailable; try again later. Request id: {context.TraceIdentifier}.", retryAfter: true);
        }
        catch (KuboRpcException e)
        {
            LogBackendFailed(logger, e, context.TraceIdentifier, e.Command, e.Status);
            if (e.IsTransient)
            {
                await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "backend_unavailable", $"The IPFS node is unavailable; try again later. Request id: {context.TraceIdentifier}.", retryAfter: true);
            }
            else
            {
                await AnswerAsync(context, StatusCodes.Status502BadGateway, "backend_error", $"The IPFS node failed the request. Request id: {context.TraceIdentifier}.");
            }
        }
        catch (MefsStorageException e) when (e.IsTransient)
        {
            LogBackendUnavailable(logger, e, context.TraceIdentifier, e.Operation);
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "backend_unavailable", $"The file's storage backend is unavailable; try again later. Request id: {context.TraceIdentifier}.", retryAfter: true);
        }
        catch (Exception e)
        {
            LogUnhandled(logger, e, context.TraceIdentifier);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, "internal_error", $"The gateway failed to handle the request. Request id: {context.TraceIdentifier}.");
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string code, string message, bool retryAfter = false)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        context.Response.Clear();
        if (retryAfter)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await GatewayErrors.WriteForEndpointAsync(context, status, code, message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quota refused ({Kind}): {Reason}")]
    private static partial void LogQuotaExceeded(ILogger logger, QuotaKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed for request {RequestId}: status {Status}, code {ErrorCode}")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, string requestId, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "IPFS node failed for request {RequestId}: {Command}, status {Status}")]
    private static partial void LogBackendFailed(ILogger logger, Exception exception, string requestId, string command, int status);
    [LoggerMessage(Level = LogLevel.Error, Message = "Backend unavailable for request {RequestId} ({Operation})")]
    private static partial void LogBackendUnavailable(ILogger logger, Exception exception, string requestId, string operation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in request {RequestId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
