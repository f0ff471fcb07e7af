using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/spacehash?size=</c> and <c>/traffichash?size=</c> (signed) → the JSON string
/// <c>"0x…"</c>: the voucher hash of compat §2.6 at the caller's current nonce, for the client to sign raw.
/// </summary>
internal static class MemoVoucherHash
{
    public const string SpaceName = "MemoSpaceHash";
    public const string TrafficName = "MemoTrafficHash";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{storage}/spacehash", (string storage, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Space, storage, size, context, chain, cancellationToken))
            .AsFunction(SpaceName).RequireMemoCaller(MemoEra.Did).Produces<string>();
        routes.MapGet("/{storage}/traffichash", (string storage, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Traffic, storage, size, context, chain, cancellationToken))
            .AsFunction(TrafficName).RequireMemoCaller(MemoEra.Did).Produces<string>();
    }

    private static async Task<IResult> HandleAsync(MemoPayKind kind, string storage, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        var checkSize = MemoQuery.Size(size);
        var info = await chain.GetPayInfoAsync(kind, context.GetMemoCaller().Address, cancellationToken);
        return MemoResults.JsonString(EthereumHex.EncodeData(chain.VoucherHash(kind, info.Nonce, checkSize)));
    }
}
