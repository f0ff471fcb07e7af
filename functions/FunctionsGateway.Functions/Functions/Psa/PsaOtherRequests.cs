using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary>
/// Every other request under <c>/psa</c>, in the spec's <c>Failure</c> body: a served path with another method → 405
/// with <c>Allow</c>, anything else → 404. The served routes take precedence over this catch-all.
/// </summary>
internal static class PsaOtherRequests
{
    public const string Name = "PsaOtherRequests";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{*path}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], Handle)
            .AsFunction(Name)
            .Produces<PsaFailure>(StatusCodes.Status404NotFound)
            .Produces<PsaFailure>(StatusCodes.Status405MethodNotAllowed);

    private static IResult Handle(string? path, HttpContext context)
    {
        var segments = (path ?? "").Trim('/').Split('/');
        var allow = segments switch
        {
            ["pins"] => "GET, POST",
            ["pins", { Length: > 0 }] => "GET, POST, DELETE",
            _ => null,
        };
        if (allow is null)
        {
            return PsaErrorBody.Result(StatusCodes.Status404NotFound, "NOT_FOUND", $"No such route: /psa/{path}. The Pinning Service API serves /psa/pins and /psa/pins/{{requestid}}.");
        }

        context.Response.Headers.Allow = allow;
        return PsaErrorBody.Result(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"/psa/{path} takes {allow}, not {context.Request.Method}.");
    }
}
