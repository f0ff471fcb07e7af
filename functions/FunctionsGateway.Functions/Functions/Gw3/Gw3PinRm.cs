using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary><c>POST /gw3/api/v0/pin/rm?arg=&lt;cid&gt;&amp;ts=</c> → <c>{"code":200,"msg":"ok"}</c>; a CID the caller has not pinned → 400.</summary>
internal static class Gw3PinRm
{
    public const string Name = "Gw3PinRm";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v0/pin/rm", HandleAsync).AsFunction(Name).Produces<Gw3Response>();

    private static async Task<IResult> HandleAsync(HttpContext context, PinService pins, CancellationToken cancellationToken)
    {
        await pins.RemoveAsync(context.GetPrincipal().IdentityId, context.Request.Query["arg"].OfType<string>().Where(a => a.Length > 0).ToArray(), cancellationToken);
        return Gw3Envelope.Ok();
    }
}
