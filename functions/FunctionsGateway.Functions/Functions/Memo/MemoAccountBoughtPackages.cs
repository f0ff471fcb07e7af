using System.Globalization;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/account/getbuypkgs</c> (JWT) → <c>[{"Starttime","Endtime","Kind","Buysize","Amount","State"}]</c> from
/// <c>storeGetBuyPkgs</c>; a chain failure is status 400 with the message as a JSON string, as the original answered (compat §2.4).
/// </summary>
internal static class MemoAccountBoughtPackages
{
    public const string Name = "MemoAccountBoughtPackages";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/getbuypkgs", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Siwe).Produces<IReadOnlyList<MemoBoughtPackageItem>>();

    private static async Task<IResult> HandleAsync(HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        IReadOnlyList<MemoBoughtPackage> packages;
        try
        {
            packages = await chain.GetBoughtPackagesAsync(context.GetMemoCaller().Address, cancellationToken);
        }
        catch (EthereumRpcException e)
        {
            return MemoResults.JsonString(e.NodeMessage, StatusCodes.Status400BadRequest);
        }

        return MemoResults.Json<IReadOnlyList<MemoBoughtPackageItem>>(
            [.. packages.Select(p => new MemoBoughtPackageItem(
                p.Starttime.ToString(CultureInfo.InvariantCulture), p.Endtime.ToString(CultureInfo.InvariantCulture), p.Kind, p.Buysize, p.Amount, p.State))],
            MemoJsonContext.Default.IReadOnlyListMemoBoughtPackageItem);
    }
}
