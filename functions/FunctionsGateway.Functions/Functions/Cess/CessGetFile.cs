using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Content.Cess;
using FunctionsGateway.Core.Http;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Functions.Functions.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// <c>GET /cess/{fid}</c>, no auth (compat.md §1.6): the bytes as an attachment named by the fid, with single-range
/// support; 404 <c>This file has not been uploaded</c>; a fid that is not 64 characters → 400 <c>HTTP Error</c> (the original
/// answers 500 there; bad input is never a 5xx here, docs/compatibility.md).
/// </summary>
internal static class CessGetFile
{
    public const string Name = "CessGet";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{fid}", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");

    private static async Task<IResult> HandleAsync(string fid, HttpContext context, CessFileService files, CancellationToken cancellationToken)
    {
        if (fid.Length != CessFid.Length)
        {
            return CessReply.Of(400, CessMessages.HttpError).ToResult();
        }

        var record = CessFid.IsWellFormed(fid) ? await files.FindAsync(fid, cancellationToken) : null;
        if (record is null)
        {
            return CessReply.Of(404, CessMessages.NotUploaded).ToResult();
        }

        var range = ByteRangeRequest.Parse(context.Request.Headers.Range, record.Size);
        if (range.Kind == ByteRangeKind.Unsatisfiable)
        {
            context.Response.Headers.ContentRange = range.ContentRange(record.Size);
            return Results.StatusCode(StatusCodes.Status416RangeNotSatisfiable);
        }

        var opened = await files.OpenAsync(fid, range.Kind == ByteRangeKind.Satisfiable ? new BlobRange(range.Offset, range.Length) : null, cancellationToken);
        return opened is { } file
            ? new FileDownloadResult(file.Record, file.Content, range, "attachment; filename=" + fid, "application/octet-stream")
            : CessReply.Of(404, CessMessages.NotUploaded).ToResult();
    }
}
