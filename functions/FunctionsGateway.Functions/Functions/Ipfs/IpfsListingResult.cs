using System.Text;
using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>A generated directory listing (HTML), with the common gateway headers and an ETag tied to the page's version.</summary>
internal sealed class IpfsListingResult(IpfsContent directory, string html, string etag) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (IpfsResponseHeaders.WriteOrNotModified(httpContext, directory, etag))
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(html);
        var response = httpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}
