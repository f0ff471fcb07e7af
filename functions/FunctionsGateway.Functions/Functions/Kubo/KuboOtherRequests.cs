using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// Every other request under <c>/api/v0</c>, in Kubo's body: a served command with another method than POST → 405
/// with <c>Allow: POST</c> (Kubo refuses GET on its RPC), any other command → 404 naming the ones served. Literal
/// command routes take precedence over this catch-all, here and under the Functions host.
/// </summary>
internal static class KuboOtherRequests
{
    public const string Name = "KuboOtherRequests";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{*command}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], Handle)
            .AsFunction(Name)
            .Produces<KuboError>(StatusCodes.Status404NotFound)
            .Produces<KuboError>(StatusCodes.Status405MethodNotAllowed);

    private static IResult Handle(string? command, HttpContext context)
    {
        var name = (command ?? "").Trim('/');
        if (KuboFunctions.Commands.Contains(name, StringComparer.Ordinal) && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return KuboErrorBody.Result(StatusCodes.Status405MethodNotAllowed, $"405 - Method Not Allowed: /api/v0/{name} takes POST, not {context.Request.Method}");
        }

        return KuboErrorBody.Result(StatusCodes.Status404NotFound,
            $"unknown command \"{name}\": this gateway serves {string.Join(", ", KuboFunctions.Commands)}");
    }
}
