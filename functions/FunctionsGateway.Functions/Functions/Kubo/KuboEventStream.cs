using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FunctionsGateway.Core.Ipfs.Rpc;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// A streamed Kubo RPC answer, one JSON value per line, as Kubo's command library sends channel outputs
/// (<c>Content-Type: application/json</c>, <c>X-Chunked-Output: 1</c>, <c>Trailer: X-Stream-Error</c>). Nothing is
/// sent before the first value, so a failure before it still gets its status; a failure after it ends the stream
/// with Kubo's error line and the <c>X-Stream-Error</c> trailer, since the status is already 200.
/// </summary>
internal sealed class KuboEventStream(HttpContext context)
{
    public const string StreamErrorHeader = "X-Stream-Error";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>
    /// Runs one RPC command with a stream it may write to, mapping the failures Kubo's body describes
    /// (<see cref="KuboErrorBody.TryDescribe"/>) in one place: their status before anything was written, an error line after.
    /// </summary>
    public static async Task<IResult> RunAsync(HttpContext context, Func<KuboEventStream, RpcOptions, Task<IResult>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stream = new KuboEventStream(context);
        try
        {
            return await command(stream, new RpcOptions(context.Request.Query));
        }
        catch (Exception e) when (KuboErrorBody.TryDescribe(e, out var status, out var message))
        {
            return await stream.FailAsync(status, message);
        }
    }

    /// <summary>Writes one value as one line and flushes it to the client.</summary>
    public async ValueTask WriteAsync<T>(T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (!response.HasStarted)
        {
            Begin(response, "application/json", "X-Chunked-Output");
        }

        await JsonSerializer.SerializeAsync(response.Body, value, type, cancellationToken);
        await response.Body.WriteAsync(NewLine, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Ends a stream that succeeded (an empty 200 when nothing was written).</summary>
    public IResult Complete()
    {
        if (!context.Response.HasStarted)
        {
            Begin(context.Response, "application/json", "X-Chunked-Output");
        }

        return Results.Empty;
    }

    /// <summary>Ends the stream with a failure: its status when nothing was sent yet, else an error line and trailer.</summary>
    public async Task<IResult> FailAsync(int status, string message)
    {
        var response = context.Response;
        if (!response.HasStarted)
        {
            return KuboErrorBody.Failure(context, status, message);
        }

        await JsonSerializer.SerializeAsync(response.Body, new KuboError(message), KuboJsonContext.Default.KuboError, CancellationToken.None);
        await response.Body.WriteAsync(NewLine, CancellationToken.None);
        AppendStreamError(response, message);
        return Results.Empty;
    }

    /// <summary>Sets the headers Kubo sends with a streamed answer; <paramref name="kindHeader"/> is <c>X-Chunked-Output</c> or <c>X-Stream-Output</c>.</summary>
    public static void Begin(HttpResponse response, string contentType, string kindHeader)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers[kindHeader] = "1";
        response.Headers["Trailer"] = StreamErrorHeader;
    }

    /// <summary>Reports a failure after the body started in the <c>X-Stream-Error</c> trailer, where the server can send trailers.</summary>
    public static void AppendStreamError(HttpResponse response, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.SupportsTrailers())
        {
            // A header value: one line of printable ASCII.
            var value = new string([.. message.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
            response.AppendTrailer(StreamErrorHeader, value);
        }
    }
}
