using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary><c>POST /psa/pins</c> (addPin): records the pin, queues it for the pin worker → 202 <c>PinStatus</c> (<c>queued</c>).</summary>
internal static class PsaAddPin
{
    public const string Name = "PsaAddPin";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pins", HandleAsync).AsFunction(Name).Produces<PsaPinStatus>(StatusCodes.Status202Accepted).Produces<PsaFailure>(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(HttpContext context, PinRequestService pins, CancellationToken cancellationToken)
    {
        var pin = await PsaPinBody.ReadAsync(context.Request, cancellationToken);
        var request = await pins.AddAsync(context.GetPrincipal().IdentityId, pin, PinRequestService.PsaSource, cancellationToken);
        return Results.Json(PsaFunctions.Status(context, request), PsaJsonContext.Default.PsaPinStatus, statusCode: StatusCodes.Status202Accepted);
    }
}
