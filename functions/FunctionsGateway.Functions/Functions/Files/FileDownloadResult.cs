using FunctionsGateway.Core.Http;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary>
/// Streams a file (or one range of it) to the client without buffering it. By default inline under the file's name
/// and type; a surface may name another disposition and type (CESS: an attachment named by the fid).
/// </summary>
internal sealed class FileDownloadResult(FileRecord record, BlobDownload download, ByteRangeRequest range, string? contentDisposition = null, string? contentType = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using (download)
        {
            var response = httpContext.Response;
            response.Headers.AcceptRanges = "bytes";
            if (record.Sha256 is { } sha)
            {
                response.Headers.ETag = $"\"{sha}\"";
            }

            response.ContentType = contentType ?? record.ContentType ?? "application/octet-stream";
            response.Headers.ContentDisposition = contentDisposition ?? new ContentDispositionHeaderValue("inline") { FileNameStar = record.Name }.ToString();
            if (range.Kind == ByteRangeKind.Satisfiable)
            {
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = range.ContentRange(record.Size);
                response.ContentLength = range.Length;
            }
            else
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentLength = record.Size;
            }

            if (HttpMethods.IsHead(httpContext.Request.Method))
            {
                return;
            }

            await download.Content.CopyToAsync(response.Body, 81920, httpContext.RequestAborted);
        }
    }
}
