using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/space</c> and <c>/traffic</c> (signed) → <c>{"Nonce","Balance","SizeByte","FreeByte","Expire"}</c>
/// from <c>spacePayInfo</c> / <c>trafficPayInfo</c> (compat §2.5). One function per route; one handler.
/// </summary>
internal static class MemoPayInfo
{
    public const string SpaceName = "MemoSpace";
    public const string TrafficName = "MemoTraffic";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{storage}/space", (string storage, HttpContext context, MemoChain chain, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Space, storage, context, chain, cancellationToken))
            .AsFunction(SpaceName).RequireMemoCaller(MemoEra.Did).Produces<MemoPayInfoResponse>();
        routes.MapGet("/{storage}/traffic", (string storage, HttpContext context, MemoChain chain, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Traffic, storage, context, chain, cancellationToken))
            .AsFunction(TrafficName).RequireMemoCaller(MemoEra.Did).Produces<MemoPayInfoResponse>();
    }

    private static async Task<IResult> HandleAsync(MemoPayKind kind, string storage, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        var info = await chain.GetPayInfoAsync(kind, context.GetMemoCaller().Address, cancellationToken);
        return MemoResults.Json(new MemoPayInfoResponse(info.Nonce, info.Balance, info.SizeByte, info.FreeByte, info.Expire), MemoJsonContext.Default.MemoPayInfoResponse);
    }
}
