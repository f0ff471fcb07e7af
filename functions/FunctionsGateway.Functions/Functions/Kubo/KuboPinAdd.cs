using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/pin/add?arg=&lt;cid&gt;[/path]&amp;name=</c>: pins content this gateway holds for the caller →
/// <c>{"Pins":["&lt;cid&gt;"]}</c>; content that is not here → 404 (nothing is fetched from other nodes).
/// </summary>
internal static class KuboPinAdd
{
    public const string Name = "KuboPinAdd";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pin/add", HandleAsync).AsFunction(Name).Produces<KuboPinsResponse>();

    private static Task<IResult> HandleAsync(HttpContext context, PinService pins, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (_, options) =>
        {
            if (!options.Bool("recursive", true))
            {
                return KuboErrorBody.Result(StatusCodes.Status400BadRequest, "direct pins are not supported by this gateway: every pin is recursive");
            }

            var pinned = await pins.AddAsync(context.GetPrincipal().IdentityId, options.Arguments, options.String("name"), cancellationToken);
            return Results.Json(new KuboPinsResponse([.. pinned.Select(c => c.ToString())]), KuboJsonContext.Default.KuboPinsResponse);
        });
}
