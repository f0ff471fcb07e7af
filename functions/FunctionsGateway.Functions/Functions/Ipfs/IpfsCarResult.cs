using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Dag;
using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// A trustless CAR streamed as the walk reaches each block, never buffered and so without a <c>Content-Length</c>.
/// A block missing after the header was sent cannot change the 200: the connection is cut, and the client sees an
/// incomplete CAR, as the trustless gateway spec prescribes.
/// </summary>
internal sealed partial class IpfsCarResult(IpfsContent content, GatewayResponseFormat format, DagScope scope, EntityByteRange? range, string etag) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (IpfsResponseHeaders.WriteOrNotModified(httpContext, content, etag))
        {
            return;
        }

        var response = httpContext.Response;
        response.ContentType = format.CarContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{content.Terminal}.car\"";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.AcceptRanges = "none";
        IpfsResponseHeaders.WriteContentLocation(httpContext, format);
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var exporter = httpContext.RequestServices.GetRequiredService<TrustlessCarExporter>();
        try
        {
            await exporter.WriteAsync(response.Body, content, scope, range, format.Duplicates, httpContext.RequestAborted);
        }
        catch (Exception e) when (response.HasStarted && e is BlockNotFoundException or InvalidDataException or NotSupportedException)
        {
            LogCarCutShort(httpContext.RequestServices.GetRequiredService<ILogger<IpfsCarResult>>(), e, content.Terminal.ToString(), httpContext.TraceIdentifier);
            httpContext.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CAR of {Cid} cut short in request {RequestId}")]
    private static partial void LogCarCutShort(ILogger logger, Exception exception, string cid, string requestId);
}
