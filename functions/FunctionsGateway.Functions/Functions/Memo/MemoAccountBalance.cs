using System.Globalization;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary><c>GET /memo/account/balance</c> (JWT) → <c>{"Address","Balance"}</c>, the ERC-20 balance in decimal (compat §2.4).</summary>
internal static class MemoAccountBalance
{
    public const string Name = "MemoAccountBalance";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/balance", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Siwe).Produces<MemoBalanceResponse>();

    private static async Task<IResult> HandleAsync(HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        var address = context.GetMemoCaller().Address;
        var balance = await chain.GetTokenBalanceAsync(address, cancellationToken);
        return MemoResults.Json(new MemoBalanceResponse(address.ToString(), balance.ToString(CultureInfo.InvariantCulture)), MemoJsonContext.Default.MemoBalanceResponse);
    }
}
