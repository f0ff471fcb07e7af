using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FunctionsGateway.Testing;

/// <summary>
/// A stand-in for the Lens GraphQL API (not Lens itself): answers the <c>defaultProfile</c> query the MEMO surface
/// asks (compat §2.3) with a profile for the addresses it was told are registered and <c>null</c> for the others,
/// on a free loopback port. Records every request body it got.
/// </summary>
public sealed class LensGraphQlStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, bool> _registered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Task _serving;

    public LensGraphQlStandIn()
    {
        var port = FreePorts.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/graphql/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Where to point <c>Gateway:Memo:Lens:ApiUrl</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The bodies received, oldest first.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, every answer is this HTTP status with no data.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>Gives an address a default profile.</summary>
    public void Register(string address) => _registered[address] = true;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // Stopped while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Closed while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(body);
            string answer;
            if (FailWith is { } status)
            {
                context.Response.StatusCode = (int)status;
                answer = "{\"errors\":[{\"message\":\"stand-in failure\"}]}";
            }
            else
            {
                var address = JsonDocument.Parse(body).RootElement.GetProperty("variables").GetProperty("request").GetProperty("ethereumAddress").GetString() ?? "";
                answer = _registered.ContainsKey(address)
                    ? "{\"data\":{\"defaultProfile\":{\"id\":\"0x01\"}}}"
                    : "{\"data\":{\"defaultProfile\":null}}";
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
