using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/cashspace?address=</c> and <c>/cashtraffic?address=</c> (no auth, as in the original) →
/// the JSON string hash of the transaction in which the gateway, the seller, cashes the address's kept voucher
/// (compat §2.5). Cashing only ever pays the seller, and a voucher cashes once (the contract's nonce moves on).
/// </summary>
internal static class MemoCash
{
    public const string SpaceName = "MemoCashSpace";
    public const string TrafficName = "MemoCashTraffic";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{storage}/cashspace", (string storage, string? address, MemoVouchers vouchers, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Space, storage, address, vouchers, cancellationToken))
            .AsFunction(SpaceName).Produces<string>();
        routes.MapGet("/{storage}/cashtraffic", (string storage, string? address, MemoVouchers vouchers, CancellationToken cancellationToken) =>
                HandleAsync(MemoPayKind.Traffic, storage, address, vouchers, cancellationToken))
            .AsFunction(TrafficName).Produces<string>();
    }

    private static async Task<IResult> HandleAsync(MemoPayKind kind, string storage, string? address, MemoVouchers vouchers, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        return MemoResults.JsonString(await vouchers.CashAsync(kind, MemoQuery.Address(address), cancellationToken));
    }
}
