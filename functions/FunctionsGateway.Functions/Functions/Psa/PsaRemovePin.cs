using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary><c>DELETE /psa/pins/{requestid}</c> (deletePinByRequestId) → 202 with no body; an unknown id → 404.</summary>
internal static class PsaRemovePin
{
    public const string Name = "PsaRemovePin";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/pins/{requestid}", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status202Accepted).Produces<PsaFailure>(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string requestid, HttpContext context, PinRequestService pins, CancellationToken cancellationToken) =>
        await pins.RemoveAsync(context.GetPrincipal().IdentityId, requestid, cancellationToken)
            ? Results.StatusCode(StatusCodes.Status202Accepted)
            : PsaErrorBody.PinNotFound(requestid);
}
