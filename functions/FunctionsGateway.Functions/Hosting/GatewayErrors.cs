namespace FunctionsGateway.Functions.Hosting;

/// <summary>Builds answers in the gateway's error envelope (<see cref="GatewayErrorEnvelope"/>).</summary>
internal static class GatewayErrors
{
    /// <summary>An error result with this status, code and message.</summary>
    public static IResult Problem(int status, string code, string message) =>
        Results.Json(new GatewayErrorEnvelope(new GatewayError(code, message)), GatewayErrorJsonContext.Default.GatewayErrorEnvelope, statusCode: status);

    /// <summary>Writes an error directly to a response that has not started.</summary>
    public static Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        return response.WriteAsJsonAsync(
            new GatewayErrorEnvelope(new GatewayError(code, message)),
            GatewayErrorJsonContext.Default.GatewayErrorEnvelope,
            contentType: "application/json; charset=utf-8",
            cancellationToken: response.HttpContext.RequestAborted);
    }

    /// <summary>
    /// An error result written by the endpoint's <see cref="IErrorBodyWriter"/> when it has one, else in the gateway's
    /// envelope: for code shared by surfaces with different error bodies (the auth filter).
    /// </summary>
    public static IResult ForEndpoint(int status, string code, string message) => new EndpointErrorResult(status, code, message);

    /// <summary>
    /// Writes an error to a response that has not started, in the shape of the request's endpoint, or of the surface
    /// its path belongs to when routing answered without one of the surface's endpoints (<see cref="SurfaceErrorBodies"/>).
    /// </summary>
    public static Task WriteForEndpointAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var writer = context.GetEndpoint()?.Metadata.GetMetadata<IErrorBodyWriter>()
            ?? context.RequestServices.GetService<SurfaceErrorBodies>()?.ForPath(context.Request.Path);
        return writer is not null
            ? writer.WriteAsync(context.Response, status, code, message)
            : WriteAsync(context.Response, status, code, message);
    }

    /// <summary>The code and message of an empty error status (unknown route, wrong method, …).</summary>
    public static (string Code, string Message) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("bad_request", "The request is malformed."),
        StatusCodes.Status401Unauthorized => ("unauthorized", "Credentials are required."),
        StatusCodes.Status403Forbidden => ("forbidden", "The credential does not allow this."),
        StatusCodes.Status404NotFound => ("not_found", "No such route."),
        StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "The route does not accept this method."),
        StatusCodes.Status408RequestTimeout => ("request_timeout", "The request body arrived too slowly."),
        StatusCodes.Status411LengthRequired => ("length_required", "The request needs a Content-Length."),
        StatusCodes.Status413PayloadTooLarge => ("payload_too_large", "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "The request body has an unsupported content type."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("headers_too_large", "The request headers are too large."),
        StatusCodes.Status503ServiceUnavailable => ("storage_unavailable", "Storage is unavailable; try again later."),
        _ when status >= 500 => ("internal_error", "The gateway failed to handle the request."),
        _ => ("error", "The request failed."),
    };

    private sealed class EndpointErrorResult(int status, string code, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteForEndpointAsync(httpContext, status, code, message);
    }
}
