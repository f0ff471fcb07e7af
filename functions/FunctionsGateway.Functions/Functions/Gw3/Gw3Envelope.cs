using System.Text.Json.Serialization.Metadata;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// Gateway3's envelope for every <c>/gw3</c> answer, <c>{"code":&lt;status&gt;,"msg":"…"[,"data":…]}</c>, and the one place
/// the surface maps failures: a request the client got wrong → 400, content not here → 404, auth → 401, too large → 413, over the caller's quota → 409 (Gateway3 documents no message of its own for it);
/// storage down → 503 with <c>Retry-After</c> through the error middleware, in this envelope.
/// </summary>
internal sealed class Gw3Envelope : IErrorBodyWriter
{
    public static readonly Gw3Envelope Instance = new();

    /// <summary><c>{"code":200,"msg":"ok"}</c>.</summary>
    public static IResult Ok() => Results.Json(new Gw3Response(200, "ok"), Gw3JsonContext.Default.Gw3Response);

    /// <summary><c>{"code":200,"msg":"ok","data":…}</c>.</summary>
    public static IResult Ok<T>(T data, JsonTypeInfo<Gw3Response<T>> type) => Results.Json(new Gw3Response<T>(200, "ok", data), type);

    /// <summary>An error answer.</summary>
    public static IResult Error(int status, string message) =>
        Results.Json(new Gw3Response(status, message), Gw3JsonContext.Default.Gw3Response, statusCode: status);

    /// <summary>Endpoint filter: the surface's expected failures as envelope answers.</summary>
    public static async ValueTask<object?> MapFailuresAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (RpcRequestException e)
        {
            return Error(e.Status, e.Message);
        }
        catch (UploadTooLargeException e)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, e.Message);
        }
        catch (QuotaExceededException e)
        {
            return Error(StatusCodes.Status409Conflict, e.Message);
        }
    }

    public Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new Gw3Response(status, message), Gw3JsonContext.Default.Gw3Response, "application/json; charset=utf-8", response.HttpContext.RequestAborted);
    }
}
