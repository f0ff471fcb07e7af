using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// One block as the body: the trustless raw block (<c>application/vnd.ipld.raw</c>, an attachment, not sniffed), or
/// a non-UnixFS block served as itself under its codec's type (dag-cbor, dag-json, json, cbor).
/// </summary>
internal sealed class IpfsBlockResult(IpfsContent content, string contentType, string etag, string? disposition, GatewayResponseFormat? format = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (IpfsResponseHeaders.WriteOrNotModified(httpContext, content, etag))
        {
            return;
        }

        var response = httpContext.Response;
        response.ContentType = contentType;
        response.ContentLength = content.Block.Length;
        if (disposition is not null)
        {
            response.Headers.ContentDisposition = disposition;
            response.Headers.XContentTypeOptions = "nosniff";
        }

        if (format is not null)
        {
            IpfsResponseHeaders.WriteContentLocation(httpContext, format);
        }

        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(content.Block, httpContext.RequestAborted);
        }
    }
}
