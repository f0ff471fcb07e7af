using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// The gateway's error answers: plain text with one precise line, as IPFS gateways answer browsers and tools
/// (invalid CID or unsupported format → 400, unresolvable path or unknown CID → 404, unsatisfiable Accept → 406,
/// range outside → 416, blocks not stored yet → 503 with <c>Retry-After</c>). The gateway's code is shared with surfaces
/// that serve the same content in their own envelope (<c>/gw3/ipfs/</c>): its errors are written by the endpoint's
/// <see cref="IErrorBodyWriter"/>, this one on <c>/ipfs</c>.
/// </summary>
internal sealed class IpfsGatewayErrors : IErrorBodyWriter
{
    public static readonly IpfsGatewayErrors Instance = new();

    /// <summary>An error answer, in the body shape of the request's endpoint (plain text on <c>/ipfs</c>).</summary>
    public static IResult Result(int status, string message) =>
        GatewayErrors.ForEndpoint(status, GatewayErrors.Describe(status).Code, message);

    /// <summary>503 with <c>Retry-After</c>: the content is coming but cannot be served in this form yet.</summary>
    public static IResult RetryLater(string message) => new RetryLaterResult(message);

    public Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message + "\n", response.HttpContext.RequestAborted);
    }

    private sealed class RetryLaterResult(string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = GatewayExceptionMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Result(StatusCodes.Status503ServiceUnavailable, message).ExecuteAsync(httpContext);
        }
    }
}
