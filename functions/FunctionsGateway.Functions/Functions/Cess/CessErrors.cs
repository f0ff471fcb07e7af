using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Storage.Backends.Cess;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// Every failure of a <c>/cess</c> route in the original's answers (compat.md §1.2), mapped in one place: as the
/// <see cref="IErrorBodyWriter"/> of the route group, it turns what the error middleware and the status-code pages
/// report into the CESS envelope — storage (the original's database) → 500 <c>Server internal data error</c> (with
/// the middleware's <c>Retry-After</c>), a quota refusal → 403 <c>The gateway account space is insufficient, …</c> (the
/// original's refusal when its space package is too small), a rate limit → 429 <c>server busy</c> (DeOSS's words, the
/// original has no limiter), a body that stopped arriving → 504 <c>upload failed due to network
/// issues</c>, other bad requests → 400 <c>HTTP Error</c>, anything else → 500 <c>Server unexpected error</c>; as the
/// group's endpoint filter, it answers a chain or DeOSS failure with 500 <c>Server internal chain data error</c>.
/// </summary>
internal sealed partial class CessErrors : IErrorBodyWriter
{
    public static readonly CessErrors Instance = new();

    /// <summary>The surface's route prefix.</summary>
    public const string Prefix = "/cess";

    public Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        return CessReplies.WriteAsync(response, Describe(status, code));
    }

    /// <summary>The original's answer to a failure the gateway describes by status and stable code.</summary>
    public static CessReply Describe(int status, string code) => (status, code) switch
    {
        (_, "storage_unavailable") => CessReply.Of(500, CessMessages.DataError),
        (_, QuotaCheck.Code) => CessReply.Of(403, CessMessages.SpaceInsufficient),
        (StatusCodes.Status429TooManyRequests, _) => CessReply.Of(429, CessMessages.ServerBusy),
        (StatusCodes.Status408RequestTimeout, _) => CessReply.Of(504, CessMessages.NetworkFailed),
        ( >= 400 and < 500, _) => CessReply.Of(400, CessMessages.HttpError),
        _ => CessReply.Of(500, CessMessages.Unexpected),
    };

    /// <summary>The group's filter: a chain or DeOSS failure → 500 <c>Server internal chain data error</c>, logged with the request id.</summary>
    public static async ValueTask<object?> ChainFailuresAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is SubstrateRpcException or DeossException && !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var http = context.HttpContext;
            LogChainFailed(http.RequestServices.GetRequiredService<ILogger<CessErrors>>(), e, http.TraceIdentifier);
            return CessReply.Of(500, CessMessages.ChainError).ToResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "CESS request {RequestId} failed on the chain or DeOSS")]
    private static partial void LogChainFailed(ILogger logger, Exception exception, string requestId);
}
