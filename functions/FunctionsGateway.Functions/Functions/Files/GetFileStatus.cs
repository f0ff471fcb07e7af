using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary><c>GET /v1/files/{id}/status</c>: where the file is in the pipeline, with the last push error.</summary>
internal static class GetFileStatus
{
    public const string Name = "FilesStatus";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id}/status", HandleAsync).AsFunction(Name).Produces<FileStatusResponse>();

    private static async Task<IResult> HandleAsync(string id, HttpContext context, FileIndex files, CancellationToken cancellationToken)
    {
        var r = await files.GetAsync(context.GetPrincipal().IdentityId, id, cancellationToken);
        return r is null
            ? GatewayErrors.Problem(StatusCodes.Status404NotFound, "file_not_found", "No such file.")
            : Results.Ok(FileStatusResponse.From(r));
    }
}
