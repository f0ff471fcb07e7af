using System.Globalization;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary><c>GET /memo/account/pkginfos</c> (no auth, as at <c>@39c1c98</c>) → <c>[{"Time","Kind","Buysize","Amount","State"}]</c> from <c>storeGetPkgInfos</c> (compat §2.4).</summary>
internal static class MemoAccountPackages
{
    public const string Name = "MemoAccountPackages";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/pkginfos", HandleAsync).AsFunction(Name).Produces<IReadOnlyList<MemoPackageInfoItem>>();

    private static async Task<IResult> HandleAsync(MemoChain chain, CancellationToken cancellationToken)
    {
        var packages = await chain.GetPackageInfosAsync(cancellationToken);
        return MemoResults.Json<IReadOnlyList<MemoPackageInfoItem>>(
            [.. packages.Select(p => new MemoPackageInfoItem(
                p.Time.ToString(CultureInfo.InvariantCulture), p.Kind, p.Buysize.ToString(CultureInfo.InvariantCulture), p.Amount.ToString(CultureInfo.InvariantCulture), p.State))],
            MemoJsonContext.Default.IReadOnlyListMemoPackageInfoItem);
    }
}
