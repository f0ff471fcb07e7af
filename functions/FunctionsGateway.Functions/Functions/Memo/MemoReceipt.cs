using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/receipt?receipt=&lt;tx hash&gt;</c> (no auth) → <c>"success"</c> for a mined, successful
/// transaction with logs; 519 <c>Status not right</c> or <c>no topics</c> otherwise, 520 while it is not mined (compat §2.5).
/// </summary>
internal static class MemoReceipt
{
    public const string Name = "MemoReceipt";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/receipt", HandleAsync).AsFunction(Name).Produces<string>();

    private static async Task<IResult> HandleAsync(string storage, string? receipt, MemoChain chain, CancellationToken cancellationToken)
    {
        MemoStorage.Parse(storage);
        if (string.IsNullOrEmpty(receipt))
        {
            return MemoResults.Error(MemoErrorKind.Eth, "receipt is required");
        }

        var mined = await chain.GetReceiptAsync(receipt, cancellationToken);
        if (mined is null)
        {
            return MemoResults.Error(MemoErrorKind.Eth, "not found");
        }

        if (!mined.Succeeded)
        {
            return MemoResults.Error(MemoErrorKind.Contract, "Status not right");
        }

        return mined.Logs.Any(log => log.Topics.Count > 0)
            ? MemoResults.JsonString("success")
            : MemoResults.Error(MemoErrorKind.Contract, "no topics");
    }
}
