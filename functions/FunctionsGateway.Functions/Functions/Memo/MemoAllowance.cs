using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary><c>GET /memo/{mefs|ipfs}/allowance?type=read|store</c> (signed) → a JSON number, the caller's allowance to ReadPay or StorePay (compat §2.5).</summary>
internal static class MemoAllowance
{
    public const string Name = "MemoAllowance";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/allowance", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Did).Produces<long>();

    private static async Task<IResult> HandleAsync(string storage, string? type, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        return MemoResults.JsonNumber(await chain.GetAllowanceAsync(MemoQuery.PayKind(type), context.GetMemoCaller().Address, cancellationToken));
    }
}
