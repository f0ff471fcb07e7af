using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary>
/// <c>POST /psa/pins/{requestid}</c> (replacePinByRequestId): a new request for the body's pin, then the old one is
/// deleted → 202 <c>PinStatus</c> with the new <c>requestid</c>; an unknown id → 404 and nothing is recorded.
/// </summary>
internal static class PsaReplacePin
{
    public const string Name = "PsaReplacePin";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pins/{requestid}", HandleAsync).AsFunction(Name).Produces<PsaPinStatus>(StatusCodes.Status202Accepted).Produces<PsaFailure>(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string requestid, HttpContext context, PinRequestService pins, CancellationToken cancellationToken)
    {
        var pin = await PsaPinBody.ReadAsync(context.Request, cancellationToken);
        var request = await pins.ReplaceAsync(context.GetPrincipal().IdentityId, requestid, pin, cancellationToken);
        return request is null
            ? PsaErrorBody.PinNotFound(requestid)
            : Results.Json(PsaFunctions.Status(context, request), PsaJsonContext.Default.PsaPinStatus, statusCode: StatusCodes.Status202Accepted);
    }
}
