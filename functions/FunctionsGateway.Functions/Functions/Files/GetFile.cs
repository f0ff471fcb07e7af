using FunctionsGateway.Core.Http;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary><c>GET|HEAD /v1/files/{id}</c>: the bytes, with single-range support (206/416).</summary>
internal static class GetFile
{
    public const string Name = "FilesGet";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{id}", [HttpMethods.Get, HttpMethods.Head], HandleAsync).AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent);

    private static async Task<IResult> HandleAsync(string id, HttpContext context, FileIndex files, FileContentReader reader, CancellationToken cancellationToken)
    {
        var record = await files.GetAsync(context.GetPrincipal().IdentityId, id, cancellationToken);
        if (record is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status404NotFound, "file_not_found", "No such file.");
        }

        var range = ByteRangeRequest.Parse(context.Request.Headers.Range, record.Size);
        if (range.Kind == ByteRangeKind.Unsatisfiable)
        {
            context.Response.Headers.ContentRange = range.ContentRange(record.Size);
            return GatewayErrors.Problem(StatusCodes.Status416RangeNotSatisfiable, "range_not_satisfiable", "The range lies outside the file.");
        }

        var download = await reader.OpenAsync(
            record,
            range.Kind == ByteRangeKind.Satisfiable ? new BlobRange(range.Offset, range.Length) : null,
            cancellationToken);
        if (download is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status404NotFound, "content_missing", "The file's content is no longer available.");
        }

        return new FileDownloadResult(record, download, range);
    }
}
