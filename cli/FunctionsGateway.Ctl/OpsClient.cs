namespace FunctionsGateway.Ctl;

/// <summary>The HTTP client of one command: the gateway's base URL (which may carry a path prefix), the operator key
/// as <c>X-Operator-Key</c>, the timeout of one answer.</summary>
internal static class OpsClient
{
    public const string OperatorKeyHeader = "X-Operator-Key";

    public static HttpClient Create(Uri baseUrl, string operatorKey, TimeSpan timeout, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        client.Timeout = timeout;
        client.DefaultRequestHeaders.Add(OperatorKeyHeader, operatorKey);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("gatewayctl");
        return client;
    }

    /// <summary>Sends <paramref name="request"/>; its path is relative to the base URL (a leading '/' is dropped so a prefix survives).</summary>
    public static async Task<OpsAnswer> SendAsync(HttpClient client, OpsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(request.Method, new Uri(request.Path.TrimStart('/'), UriKind.Relative)) { Content = request.Body };
        using var response = await client.SendAsync(message, cancellationToken);
        return await OpsAnswer.ReadAsync(response, cancellationToken);
    }
}
