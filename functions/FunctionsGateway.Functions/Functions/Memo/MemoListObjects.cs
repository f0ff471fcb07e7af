using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/listobjects</c>: a JWT caller gets the SIWE era's
/// <c>{"Address","Storage","Object":[{"Name","Size","Mid","Cid","ModTime","UserDefined"}]}</c>, a DID caller the
/// DID era's <c>{"Address","Storage","Objects":[{"ID","Name","Size","Mid","Public","ModTime"}]}</c> (compat §2.4, §2.5).
/// </summary>
internal static class MemoListObjects
{
    public const string Name = "MemoListObjects";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/listobjects", HandleAsync).AsFunction(Name)
            .RequireMemoCaller(MemoEra.Siwe)
            .Produces<MemoObjectListResponse>()
            .Produces<MemoDidObjectListResponse>();

    private static async Task<IResult> HandleAsync(string storage, HttpContext context, MemoFileService files, CancellationToken cancellationToken)
    {
        var caller = context.GetMemoCaller();
        var type = MemoStorage.Parse(storage);
        var items = await files.ListAsync(type, caller, cancellationToken);
        var address = caller.Address.ToString();
        var name = MemoStorage.Name(type);
        return caller.IsDid
            ? MemoResults.Json(
                new MemoDidObjectListResponse(address, name, [.. items.Select(o => new MemoDidObjectItem(o.Id, o.Name, o.Size, o.Mid, o.Public, MemoTime.Format(o.ModTime)))]),
                MemoJsonContext.Default.MemoDidObjectListResponse)
            : MemoResults.Json(
                new MemoObjectListResponse(address, name, [.. items.Select(o => new MemoObjectItem(o.Name, o.Size, o.Mid, o.Mid, MemoTime.Format(o.ModTime), new MemoUserDefined("", "cid")))]),
                MemoJsonContext.Default.MemoObjectListResponse);
    }
}
