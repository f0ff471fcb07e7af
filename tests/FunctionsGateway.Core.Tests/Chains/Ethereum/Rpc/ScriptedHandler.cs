using System.Net;
using System.Text;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum.Rpc;

/// <summary>An HTTP handler that answers from a script (status, body) and records the request bodies.</summary>
internal sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
{
    private int _next;

    public List<string> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
        var (status, body) = answers[Math.Min(_next++, answers.Length - 1)];
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
