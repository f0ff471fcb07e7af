using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/account/buypkg?amount=&amp;pkgid=&amp;chainid=</c> (JWT): the gateway sends <c>storeBuyPkg</c> for the
/// caller and waits for it → <c>{"Status":"Success!"}</c>, or status 521 with <c>{"Status":"Failed!"}</c> (compat §2.4).
/// </summary>
internal static class MemoAccountBuyPackage
{
    public const string Name = "MemoAccountBuyPackage";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/buypkg", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Siwe).Produces<MemoStatusResponse>();

    private static async Task<IResult> HandleAsync(string? amount, string? pkgid, string? chainid, HttpContext context, MemoChain chain, TimeProvider time, CancellationToken cancellationToken)
    {
        var value = MemoQuery.Amount(amount, "amount");
        var package = MemoQuery.Size(pkgid);
        bool bought;
        try
        {
            bought = await chain.BuyPackageAsync(context.GetMemoCaller().Address, package, value, chainid ?? "", time.GetUtcNow(), cancellationToken);
        }
        catch (EthereumRpcException e) when (e.RevertReason is not null)
        {
            bought = false; // The store refused (no such package, amount too low): the original's "Failed!".
        }

        return bought
            ? MemoResults.Json(new MemoStatusResponse("Success!"), MemoJsonContext.Default.MemoStatusResponse)
            : Results.Json(new MemoStatusResponse("Failed!"), MemoJsonContext.Default.MemoStatusResponse, statusCode: 521);
    }
}
