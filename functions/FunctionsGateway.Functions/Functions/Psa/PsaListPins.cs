using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary>
/// <c>GET /psa/pins</c> (getPins): the caller's pins that pass the filters, newest first → 200 <c>PinResults</c> with
/// <c>count</c> the total. Without <c>status</c> every status is listed (docs/compatibility.md).
/// </summary>
internal static class PsaListPins
{
    public const string Name = "PsaListPins";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/pins", HandleAsync).AsFunction(Name).Produces<PsaPinResults>().Produces<PsaFailure>(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(HttpContext context, PinRequestService pins, CancellationToken cancellationToken)
    {
        var query = PinListQuery.Parse(name => context.Request.Query.TryGetValue(name, out var values) ? string.Join(',', values.ToArray()) : null);
        var (count, results) = await pins.ListAsync(context.GetPrincipal().IdentityId, query, cancellationToken);
        return Results.Json(new PsaPinResults(count, [.. results.Select(r => PsaFunctions.Status(context, r))]), PsaJsonContext.Default.PsaPinResults);
    }
}
