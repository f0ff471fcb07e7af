using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/delete?mid=</c> (SIWE era) or <c>?id=</c> (DID era, the object's number) → <c>{"state":"success"}</c>
/// (compat §2.4, §2.5; the DID era mounts it under both storage types).
/// </summary>
internal static class MemoDelete
{
    public const string Name = "MemoDelete";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/delete", HandleAsync).AsFunction(Name)
            .RequireMemoCaller(MemoEra.Siwe)
            .Produces<MemoStateResponse>();

    private static async Task<IResult> HandleAsync(string storage, string? mid, string? id, HttpContext context, MemoFileService files, CancellationToken cancellationToken)
    {
        await files.DeleteAsync(MemoStorage.Parse(storage), context.GetMemoCaller(), mid, id, cancellationToken);
        return MemoResults.Json(new MemoStateResponse("success"), MemoJsonContext.Default.MemoStateResponse);
    }
}
