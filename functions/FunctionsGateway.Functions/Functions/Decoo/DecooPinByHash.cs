using System.Text.Json;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// <c>POST /decoo/pinning/pinByHash</c> (header <c>UserAccessToken</c>; JSON <c>{"hashToPin","secret","decooMetadata"?}</c>)
/// → <c>{"HashToPin","JobId","JobStatus":"queued"}</c>: a pin job for the pin worker, which fetches the CID through the
/// IPFS node (or finds it here) and takes the job <c>queued</c> → <c>pinning</c> → <c>pinned</c> or <c>failed</c>.
/// </summary>
internal static class DecooPinByHash
{
    public const string Name = "DecooPinByHash";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pinning/pinByHash", HandleAsync).AsFunction(Name)
            .Accepts<DecooPinByHashRequest>("application/json")
            .Produces<DecooPinByHashResponse>()
            .Produces<DecooError>(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(HttpContext context, DecooPinService service, CancellationToken cancellationToken)
    {
        DecooPinByHashRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, DecooJsonContext.Default.DecooPinByHashRequest, cancellationToken);
        }
        catch (JsonException)
        {
            return DecooEnvelope.Error(StatusCodes.Status400BadRequest, "the body must be JSON {\"hashToPin\",\"secret\",\"decooMetadata\"?}");
        }

        if (body is null)
        {
            return DecooEnvelope.Error(StatusCodes.Status400BadRequest, "the body must be JSON {\"hashToPin\",\"secret\",\"decooMetadata\"?}");
        }

        var job = await service.PinByHashAsync(context.GetPrincipal().IdentityId, body.HashToPin, body.Secret, body.DecooMetadata, cancellationToken);
        return Results.Json(new DecooPinByHashResponse(job.Pin.Cid, job.RequestId, job.Status.ToWire()), DecooJsonContext.Default.DecooPinByHashResponse);
    }
}
