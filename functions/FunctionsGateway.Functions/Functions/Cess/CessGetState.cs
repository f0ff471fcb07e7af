using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Content.Cess;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// <c>GET /cess/state/{fid}</c>, no auth (compat.md §1.9): <c>{"Size","State","Names"}</c>; not found is HTTP 200 with
/// code 404 <c>Empty</c>; a fid that is not 64 hex characters → 400 <c>HTTP Error</c> (the
/// original answers 500, or 200 <c>Empty</c> for 64 characters that are not hex; bad input is never a 5xx here, docs/compatibility.md).
/// </summary>
internal static class CessGetState
{
    public const string Name = "CessState";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/state/{fid}", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(string fid, CessFileService files, CancellationToken cancellationToken)
    {
        return CessFid.IsWellFormed(fid)
            ? (await files.StateAsync(fid, cancellationToken)).ToResult()
            : CessReply.Of(400, CessMessages.HttpError).ToResult();
    }
}
