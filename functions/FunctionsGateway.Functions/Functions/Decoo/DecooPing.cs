using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary><c>GET /decoo/ping</c> → <c>{"Success":true}</c> for a valid API key; 401 <c>{"Code":401,"Message":"Invalid token"}</c> otherwise.</summary>
internal static class DecooPing
{
    public const string Name = "DecooPing";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/ping", () => Results.Json(new DecooPingResponse(true), DecooJsonContext.Default.DecooPingResponse))
            .AsFunction(Name).Produces<DecooPingResponse>().Produces<DecooError>(StatusCodes.Status401Unauthorized);
}
