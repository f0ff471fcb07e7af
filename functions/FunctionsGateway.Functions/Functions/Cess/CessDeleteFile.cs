using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary><c>DELETE /cess/{fid}</c> (compat.md §1.7): only the caller's own fid; 404 <c>This file has not been uploaded</c> otherwise.</summary>
internal static class CessDeleteFile
{
    public const string Name = "CessDelete";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/{fid}", HandleAsync).AsFunction(Name).RequireCessToken().Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(string fid, HttpContext context, CessFileService files, CancellationToken cancellationToken) =>
        (await files.DeleteAsync(context.GetPrincipal().IdentityId, fid, cancellationToken)).ToResult();
}
