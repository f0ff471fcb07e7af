using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// Every other request under <c>/cess</c> (an unknown path, or a method a route does not take) answers as gin does
/// without a route: 404 <c>404 page not found</c> in plain text. The literal and single-segment routes take
/// precedence over this catch-all, here and under the Functions host.
/// </summary>
internal static class CessOtherRequests
{
    public const string Name = "CessOtherRequests";

    public const string NotFound = "404 page not found";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{*path}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], Handle)
            .AsFunction(Name)
            .Produces<string>(StatusCodes.Status404NotFound, "text/plain");

    private static IResult Handle() => Results.Text(NotFound, "text/plain", statusCode: StatusCodes.Status404NotFound);
}
