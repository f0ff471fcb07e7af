using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary><c>GET /memo/{mefs|ipfs}/balance</c> (signed) → <c>{"Address","Balance"}</c>, the ERC-20 balance in decimal (compat §2.5).</summary>
internal static class MemoBalance
{
    public const string Name = "MemoBalance";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/balance", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Did).Produces<MemoBalanceResponse>();

    private static async Task<IResult> HandleAsync(string storage, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        var caller = context.GetMemoCaller();
        var balance = await chain.GetTokenBalanceAsync(caller.Address, cancellationToken);
        return MemoResults.Json(new MemoBalanceResponse(caller.Address.ToString(), balance.ToString(System.Globalization.CultureInfo.InvariantCulture)), MemoJsonContext.Default.MemoBalanceResponse);
    }
}
