using System.Net.Sockets;
using System.Text;

namespace FunctionsGateway.Functions.Tests.Reliability.BadInput;

/// <summary>
/// One HTTP/1.1 exchange over a bare socket that reads the answer even when the server stops reading the body and
/// closes the connection (as Kestrel does after answering a body over its limit): HttpClient reports only the failed
/// send there, and the status the server did send is what the corpus checks.
/// </summary>
internal static class RawHttpExchange
{
    /// <summary>Sends the request; the status, content type and body of the answer.</summary>
    public static async Task<(int Status, string? ContentType, byte[] Body)> SendAsync(Uri server, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        var head = new StringBuilder()
            .Append(request.Method.Method).Append(' ').Append(request.RequestUri!.OriginalString).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n");
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                head.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
            }
        }

        head.Append("\r\n");
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var sending = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
                await stream.WriteAsync(body);
            }
            catch (IOException)
            {
                // The server answered and closed before taking the whole body.
            }
        });

        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer);
        }
        catch (IOException) when (answer.Length > 0)
        {
            // A reset after the answer arrived.
        }

        await sending;
        return Parse(answer.ToArray());
    }

    private static (int Status, string? ContentType, byte[] Body) Parse(byte[] answer)
    {
        var end = answer.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new InvalidOperationException($"No HTTP answer: {Encoding.ASCII.GetString(answer)}");
        }

        var lines = Encoding.ASCII.GetString(answer, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string? contentType = null;
        var chunked = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
        }

        var body = answer[(end + 4)..];
        return (status, contentType, chunked ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var whole = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0], 16);
            position += lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            whole.Write(body, position, size);
            position += size + 2;
        }

        return whole.ToArray();
    }
}
