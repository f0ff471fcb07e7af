using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// The MEMO middleware surface (compat §2, seeds 001 and 002) under <c>/memo</c>: SIWE and Lens logins with HS256
/// JWTs, DID logins with signed sequential requests, files on the <c>mefs</c> and <c>ipfs</c> storage types, and
/// the chain routes of both eras. Literal segments win over <c>{storage}</c> and <c>{mid}</c>, in ASP.NET Core
/// routing as in the Functions host's (spec/azure.md §1.4).
/// </summary>
internal static class MemoFunctions
{
    /// <summary>The surface's name for rate limits (<c>Gateway:RateLimits:Limits:memo</c>).</summary>
    public const string Surface = "memo";

    /// <summary>The surface's prefix.</summary>
    public static readonly PathString Prefix = "/memo";

    public static IEndpointRouteBuilder MapMemoFunctions(this IEndpointRouteBuilder routes)
    {
        var memo = routes.MapGroup(Prefix).WithTags("MEMO").WithMetadata(MemoErrorBodyWriter.Instance).MapMemoErrors().RequireAdmission(Surface);
        GetMemoChallenge.Map(memo);
        MemoLogin.Map(memo);
        GetMemoLoginSession.Map(memo);
        MemoLensLogin.Map(memo);
        MemoRefresh.Map(memo);
        MemoSearch.Map(memo);

        MemoUpload.Map(memo);
        MemoDownload.Map(memo);
        MemoListObjects.Map(memo);
        MemoDelete.Map(memo);

        MemoBalance.Map(memo);
        MemoPayInfo.Map(memo);
        MemoVoucherHash.Map(memo);
        MemoBuy.Map(memo);
        MemoApprove.Map(memo);
        MemoAllowance.Map(memo);
        MemoCash.Map(memo);
        MemoReceipt.Map(memo);

        var account = memo.MapGroup("/account");
        MemoAccountBalance.Map(account);
        MemoAccountStorage.Map(account);
        MemoAccountPackages.Map(account);
        MemoAccountBuyPackage.Map(account);
        MemoAccountBoughtPackages.Map(account);
        return routes;
    }
}
