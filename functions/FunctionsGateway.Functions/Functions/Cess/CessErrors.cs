using System.Globalization;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends.Cess;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// Every failure of a <c>/cess</c> route, mapped once to the original's answers (compat.md §1.2): storage (the
/// original's database) → 500 <c>Server internal data error</c> with <c>Retry-After</c>; the chain or DeOSS → 500
/// <c>Server internal chain data error</c>; a malformed body → 400 <c>HTTP Error</c>; a body cut off → 504
/// <c>upload failed due to network issues</c>; anything else → 500 <c>Server unexpected error</c>. Unknown routes
/// and wrong methods answer as gin does: 404 <c>404 page not found</c> in plain text.
/// </summary>
internal sealed partial class CessErrors(ILogger<CessErrors> logger) : ISurfaceErrorWriter
{
    public static readonly PathString Prefix = "/cess";

    public bool Owns(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public Task WriteExceptionAsync(HttpContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = Map(exception);
        if (reply.Status >= 500)
        {
            LogFailed(logger, exception, context.TraceIdentifier, reply.Msg);
        }

        if (exception is AzureStorageException)
        {
            context.Response.Headers.RetryAfter = GatewayExceptionMiddleware.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return CessReplies.WriteAsync(context.Response, reply);
    }

    public async Task WriteStatusAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain";
            await response.WriteAsync("404 page not found", context.RequestAborted);
            return;
        }

        await CessReplies.WriteAsync(response, response.StatusCode >= 500
            ? CessReply.Of(500, CessMessages.Unexpected)
            : new CessReply(response.StatusCode, 400, CessMessages.HttpError));
    }

    /// <summary>The original's answer to a failure.</summary>
    public static CessReply Map(Exception exception) => exception switch
    {
        AzureStorageException => CessReply.Of(500, CessMessages.DataError),
        SubstrateRpcException or DeossException => CessReply.Of(500, CessMessages.ChainError),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } or IOException => CessReply.Of(504, CessMessages.NetworkFailed),
        BadHttpRequestException or InvalidDataException => CessReply.Of(400, CessMessages.HttpError),
        _ => CessReply.Of(500, CessMessages.Unexpected),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "CESS request {RequestId} failed: {Answer}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string requestId, string answer);
}
