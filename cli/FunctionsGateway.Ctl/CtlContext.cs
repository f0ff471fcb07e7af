using System.CommandLine;
using System.Text.Json.Nodes;

namespace FunctionsGateway.Ctl;

/// <summary>
/// What every command shares: the global options, the console, and the one way a command calls the gateway
/// (<c>RunAsync</c>): resolve URL and key, send, show progress for long calls, print, choose the exit code.
/// </summary>
internal sealed class CtlContext(CtlOptions options, CtlConsole console, HttpMessageHandler? handler, Func<string, string?> environment)
{
    public CtlOptions Options => options;

    public CtlConsole Console => console;

    /// <summary>Calls each request in turn (a bar on standard error when there are several) and prints each answer;
    /// the exit code is the worst of them.</summary>
    public async Task<int> RunAsync(ParseResult parse, IReadOnlyList<OpsRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(requests);
        var baseUrl = parse.GetValue(options.Url) ?? (environment(CtlOptions.UrlVariable) is { Length: > 0 } fromEnvironment && Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var url) ? url : CtlOptions.DefaultUrl);
        var key = parse.GetValue(options.OperatorKey) ?? environment(CtlOptions.OperatorKeyVariable);
        if (string.IsNullOrEmpty(key))
        {
            console.Error.WriteLine($"gatewayctl: no operator key: pass --operator-key or set {CtlOptions.OperatorKeyVariable}.");
            return ExitCodes.Refused;
        }

        var json = parse.GetValue(options.Json);
        var progress = new ProgressLine(console.Error, console.ShowsProgress && !json);
        using var client = OpsClient.Create(baseUrl, key, parse.GetValue(options.Timeout), handler);
        var exit = ExitCodes.Ok;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            OpsAnswer answer;
            try
            {
                var sending = OpsClient.SendAsync(client, request, cancellationToken);
                answer = request.Progress is { } label ? await progress.WhileAsync(sending, label, TimeSpan.FromMilliseconds(200)) : await sending;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                progress.Clear();
                var reason = e is TaskCanceledException ? $"no answer within {parse.GetValue(options.Timeout)}" : e.Message;
                console.Error.WriteLine($"gatewayctl: could not reach {baseUrl}: {reason}");
                return ExitCodes.Unavailable;
            }

            progress.Clear();
            exit = Math.Max(exit, AnswerPrinter.Print(answer, request.Done, json, console));
            if (requests.Count > 1)
            {
                progress.Step(i + 1, requests.Count, request.Path);
            }
        }

        progress.Clear();
        return exit;
    }

    public Task<int> RunAsync(ParseResult parse, OpsRequest request, CancellationToken cancellationToken) =>
        RunAsync(parse, [request], cancellationToken);

    /// <summary>A JSON request body built without reflection (the tool stays trimming- and AOT-friendly).</summary>
    public static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
