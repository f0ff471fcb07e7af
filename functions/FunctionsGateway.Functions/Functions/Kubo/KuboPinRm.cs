using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/pin/rm?arg=&lt;cid&gt;</c>: removes the caller's pin → <c>{"Pins":["&lt;cid&gt;"]}</c>; a CID the
/// caller has not pinned → 400 <c>not pinned or pinned indirectly</c>. No block is deleted.
/// </summary>
internal static class KuboPinRm
{
    public const string Name = "KuboPinRm";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pin/rm", HandleAsync).AsFunction(Name).Produces<KuboPinsResponse>();

    private static Task<IResult> HandleAsync(HttpContext context, PinService pins, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (_, options) =>
        {
            var removed = await pins.RemoveAsync(context.GetPrincipal().IdentityId, options.Arguments, cancellationToken);
            return Results.Json(new KuboPinsResponse([.. removed.Select(c => c.ToString())]), KuboJsonContext.Default.KuboPinsResponse);
        });
}
