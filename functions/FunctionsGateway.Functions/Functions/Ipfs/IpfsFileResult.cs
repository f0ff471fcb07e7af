using FunctionsGateway.Core.Http;
using FunctionsGateway.Core.Ipfs.Gateway;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// A file's bytes, whole (200) or one range (206, 416 outside; several ranges get the whole file), with its type
/// from the name's extension or sniffed from its first bytes, <c>Content-Disposition</c> from <c>?filename=</c>
/// (inline) and <c>?download=true</c> (attachment), and the common gateway headers. The bytes stream through the
/// DAG (only the blocks of the range are read) or, for a file whose blocks are not stored yet, from its record.
/// </summary>
/// <param name="typeName">The name whose extension gives the type (the filename parameter or the last path segment).</param>
/// <param name="dispositionName">The filename parameter, for Content-Disposition.</param>
internal sealed class IpfsFileResult(IpfsContent content, string? typeName, string? dispositionName, bool download, string etag) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (IpfsResponseHeaders.WriteOrNotModified(httpContext, content, etag))
        {
            return;
        }

        var reader = httpContext.RequestServices.GetRequiredService<IpfsFileReader>();
        var cancellationToken = httpContext.RequestAborted;
        var response = httpContext.Response;
        var head = await reader.ReadHeadAsync(content, MediaTypeSniffer.SniffLength, cancellationToken);
        response.ContentType = MediaTypeSniffer.Detect(typeName, head.Span);
        response.Headers.AcceptRanges = "bytes";
        if (dispositionName is not null || download)
        {
            var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
            if (dispositionName is not null)
            {
                disposition.SetHttpFileName(dispositionName);
            }

            response.Headers.ContentDisposition = disposition.ToString();
        }

        var size = (long)content.Size;
        var range = ByteRangeRequest.Parse(httpContext.Request.Headers.Range, size);
        if (range.Kind == ByteRangeKind.Unsatisfiable)
        {
            response.Headers.ContentRange = range.ContentRange(size);
            await IpfsGatewayErrors.Result(StatusCodes.Status416RangeNotSatisfiable, $"the range lies outside {content.Terminal}, a file of {size} bytes").ExecuteAsync(httpContext);
            return;
        }

        var (offset, length) = range.Kind == ByteRangeKind.Satisfiable ? (range.Offset, range.Length) : (0L, size);
        response.StatusCode = range.Kind == ByteRangeKind.Satisfiable ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        if (range.Kind == ByteRangeKind.Satisfiable)
        {
            response.Headers.ContentRange = range.ContentRange(size);
        }

        response.ContentLength = length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await reader.CopyToAsync(content, response.Body, (ulong)offset, (ulong)length, cancellationToken);
        }
    }
}
