using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>POST /gw3/api/v0/pin/add?arg=&lt;cid&gt;[&amp;name=]&amp;ts=</c> → <c>{"code":200,"msg":"ok"}</c>: pins content this gateway
/// holds for the caller; content not here → 404 (nothing is fetched from other nodes).
/// </summary>
internal static class Gw3PinAdd
{
    public const string Name = "Gw3PinAdd";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v0/pin/add", HandleAsync).AsFunction(Name).Produces<Gw3Response>();

    private static async Task<IResult> HandleAsync(HttpContext context, PinService pins, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        await pins.AddAsync(context.GetPrincipal().IdentityId, query["arg"].OfType<string>().Where(a => a.Length > 0).ToArray(), query["name"].ToString() is { Length: > 0 } name ? name : null, cancellationToken);
        return Gw3Envelope.Ok();
    }
}
