using System.Globalization;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/account/getstorage?stype=</c> (and <c>/account/storageinfo</c>, its <c>@2a8c287</c> name), JWT →
/// <c>{"Address","StorageList":[{"Storage","Used","Buysize","Free","Files"}]}</c> from <c>getPkgSize</c> per kind
/// (0 MEFS, 1 IPFS); <c>stype</c> narrows the list to one storage type (compat §2.4, seed 001).
/// </summary>
internal static class MemoAccountStorage
{
    public const string Name = "MemoAccountStorage";
    public const string InfoName = "MemoAccountStorageInfo";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/getstorage", HandleAsync).AsFunction(Name).RequireMemoCaller(MemoEra.Siwe).Produces<MemoStorageListResponse>();
        routes.MapGet("/storageinfo", HandleAsync).AsFunction(InfoName).RequireMemoCaller(MemoEra.Siwe).Produces<MemoStorageListResponse>();
    }

    private static async Task<IResult> HandleAsync(string? stype, HttpContext context, MemoChain chain, CancellationToken cancellationToken)
    {
        IReadOnlyList<MemoStorageType> types = string.IsNullOrEmpty(stype) ? [MemoStorageType.Mefs, MemoStorageType.Ipfs] : [MemoStorage.Parse(stype)];
        var address = context.GetMemoCaller().Address;
        var list = new List<MemoStorageItem>();
        foreach (var type in types)
        {
            var size = await chain.GetPackageSizeAsync(address, type == MemoStorageType.Mefs ? (byte)0 : (byte)1, cancellationToken);
            list.Add(new MemoStorageItem(
                MemoStorage.Name(type),
                size.Used.ToString(CultureInfo.InvariantCulture),
                size.Buysize.ToString(CultureInfo.InvariantCulture),
                size.Free.ToString(CultureInfo.InvariantCulture),
                size.Files.ToString(CultureInfo.InvariantCulture)));
        }

        return MemoResults.Json(new MemoStorageListResponse(address.ToString(), list), MemoJsonContext.Default.MemoStorageListResponse);
    }
}
