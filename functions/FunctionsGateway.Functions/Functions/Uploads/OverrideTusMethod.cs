using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>POST /uploads/tus/{id}</c> with <c>X-HTTP-Method-Override: PATCH</c>, <c>DELETE</c> or <c>HEAD</c> (tus 1.0.0 core):
/// the request is answered as that method, for clients whose environment cannot send it (tus-js-client's
/// <c>overridePatchMethod</c>). Without the header → 405.
/// </summary>
internal static class OverrideTusMethod
{
    public const string Name = "TusMethodOverride";

    public const string OverrideHeader = "X-HTTP-Method-Override";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id}", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Accepts<Stream>(TusProtocol.PatchContentType)
            .Produces(StatusCodes.Status204NoContent);

    private static Task<IResult> HandleAsync(string id, HttpContext context, TusUploadService tus, CancellationToken cancellationToken)
    {
        var method = context.Request.Headers[OverrideHeader].ToString().Trim();
        return method.ToUpperInvariant() switch
        {
            "PATCH" => AppendTusUpload.HandleAsync(id, context, tus),
            "DELETE" => TerminateTusUpload.HandleAsync(id, context, tus, cancellationToken),
            "HEAD" => GetTusUploadOffset.HandleAsync(id, context, tus, cancellationToken),
            _ => Task.FromResult(GatewayErrors.Problem(StatusCodes.Status405MethodNotAllowed, "method_not_allowed",
                $"POST to an upload needs {OverrideHeader}: PATCH, DELETE or HEAD.")),
        };
    }
}
