using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/approve?type=read|store&amp;size=</c> (signed) → the JSON string of an unsigned
/// <c>ERC20.approve(ReadPay|StorePay, size)</c> to the token (compat §2.5).
/// </summary>
internal static class MemoApprove
{
    public const string Name = "MemoApprove";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/approve", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Did).Produces<string>();

    private static async Task<IResult> HandleAsync(string storage, string? type, string? size, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        var kind = MemoQuery.PayKind(type);
        return MemoResults.JsonString(await chain.BuildApproveAsync(kind, context.GetMemoCaller().Address, MemoQuery.Amount(size, "size"), cancellationToken));
    }
}
