using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/buyspace?size=</c> and <c>/buytraffic?size=</c> (signed) → the JSON string <c>"0x…"</c>
/// of an unsigned legacy transaction calling <c>Proxy.buySpace(size, 1, caller)</c> / <c>buyTraffic(size, caller)</c>,
/// nonce = the caller's pending count, gas 300000 at 1000 wei, for the client to sign and send (compat §2.5).
/// </summary>
internal static class MemoBuy
{
    public const string SpaceName = "MemoBuySpace";
    public const string TrafficName = "MemoBuyTraffic";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{storage}/buyspace", (string storage, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Space, storage, size, context, chain, cancellationToken))
            .AsFunction(SpaceName).RequireMemoCaller(MemoEra.Did).Produces<string>();
        routes.MapGet("/{storage}/buytraffic", (string storage, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Traffic, storage, size, context, chain, cancellationToken))
            .AsFunction(TrafficName).RequireMemoCaller(MemoEra.Did).Produces<string>();
    }

    private static async Task<IResult> HandleAsync(MemoPayKind kind, string storage, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        return MemoResults.JsonString(await chain.BuildPurchaseAsync(kind, context.GetMemoCaller().Address, MemoQuery.Size(size), cancellationToken));
    }
}
