using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary><c>GET /psa/pins/{requestid}</c> (getPinByRequestId) → 200 <c>PinStatus</c>; another identity's or an unknown id → 404.</summary>
internal static class PsaGetPin
{
    public const string Name = "PsaGetPin";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/pins/{requestid}", HandleAsync).AsFunction(Name).Produces<PsaPinStatus>().Produces<PsaFailure>(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string requestid, HttpContext context, PinRequestService pins, CancellationToken cancellationToken)
    {
        var request = await pins.GetAsync(context.GetPrincipal().IdentityId, requestid, cancellationToken);
        return request is null ? PsaErrorBody.PinNotFound(requestid) : Results.Json(PsaFunctions.Status(context, request), PsaJsonContext.Default.PsaPinStatus);
    }
}
