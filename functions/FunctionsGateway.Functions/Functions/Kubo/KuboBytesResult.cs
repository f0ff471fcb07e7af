using System.Globalization;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// Bytes streamed as Kubo streams a command's reader output (<c>cat</c>, <c>block/get</c>): <c>text/plain</c>,
/// <c>X-Stream-Output: 1</c>, the length in <c>X-Content-Length</c>, and a failure after the first byte reported in
/// the <c>X-Stream-Error</c> trailer (or, where the server cannot send trailers, by cutting the connection, so that
/// a short body is never taken for a whole one).
/// </summary>
internal sealed partial class KuboBytesResult(long length, Func<Stream, CancellationToken, Task> copy) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        KuboEventStream.Begin(response, "text/plain", "X-Stream-Output");
        response.Headers["X-Content-Length"] = length.ToString(CultureInfo.InvariantCulture);
        try
        {
            await copy(response.Body, httpContext.RequestAborted);
        }
        catch (Exception e) when (response.HasStarted && e is BlockNotFoundException or InvalidDataException or AzureStorageException)
        {
            LogCutShort(httpContext.RequestServices.GetRequiredService<ILogger<KuboBytesResult>>(), e, httpContext.TraceIdentifier);
            if (response.SupportsTrailers())
            {
                KuboEventStream.AppendStreamError(response, e.Message);
            }
            else
            {
                httpContext.Abort();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streamed answer of request {RequestId} cut short")]
    private static partial void LogCutShort(ILogger logger, Exception exception, string requestId);
}
