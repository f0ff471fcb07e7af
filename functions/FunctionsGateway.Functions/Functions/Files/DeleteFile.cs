using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary><c>DELETE /v1/files/{id}</c> → 204; the record goes first, then the bytes.</summary>
internal static class DeleteFile
{
    public const string Name = "FilesDelete";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/{id}", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> HandleAsync(string id, HttpContext context, FileIndex files, FileContentReader reader, CancellationToken cancellationToken)
    {
        var record = await files.GetAsync(context.GetPrincipal().IdentityId, id, cancellationToken);
        return record is not null && await reader.DeleteAsync(record, cancellationToken)
            ? Results.NoContent()
            : GatewayErrors.Problem(StatusCodes.Status404NotFound, "file_not_found", "No such file.");
    }
}
