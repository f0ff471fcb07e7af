using System.Globalization;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// Decoo's error body for every <c>/decoo</c> failure, and the one place the surface maps them: <c>{"Code":&lt;status&gt;,
/// "Message":"…","Msg":"…","Data":"&lt;detail&gt;"}</c> with the original's words (<c>Invalid token</c> for 401, the PSA's
/// <c>Bad request</c>, <c>Not found</c>, <c>Server error</c> …) and the detail in <c>Data</c>. A request the client got
/// wrong → 400 (or 403 without a registered RSA key), too large → 413; storage down → 503 through the error middleware.
/// </summary>
internal sealed class DecooEnvelope : IErrorBodyWriter
{
    public static readonly DecooEnvelope Instance = new();

    /// <summary>An error answer.</summary>
    public static IResult Error(int status, string detail) =>
        Results.Json(Body(status, detail), DecooJsonContext.Default.DecooError, statusCode: status);

    /// <summary>A time as Decoo writes it (ISO 8601, UTC, milliseconds).</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Endpoint filter: the surface's expected failures as error answers.</summary>
    public static async ValueTask<object?> MapFailuresAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (DecooRequestException e)
        {
            return Error(e.Status, e.Message);
        }
        catch (PinRequestException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
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
        return response.WriteAsJsonAsync(Body(status, message), DecooJsonContext.Default.DecooError, "application/json; charset=utf-8", response.HttpContext.RequestAborted);
    }

    private static DecooError Body(int status, string detail)
    {
        var words = status switch
        {
            StatusCodes.Status400BadRequest => "Bad request",
            StatusCodes.Status401Unauthorized => "Invalid token",
            StatusCodes.Status403Forbidden => "Need auth",
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "Quota exceeded",
            StatusCodes.Status413PayloadTooLarge => "Request entity too large",
            StatusCodes.Status429TooManyRequests => "Too many requests",
            StatusCodes.Status503ServiceUnavailable => "Service unavailable",
            >= 500 => "Server error",
            _ => "Bad request",
        };
        return new DecooError(status, words, words, detail);
    }
}
