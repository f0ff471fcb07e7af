using System.Text.Json;

namespace FunctionsGateway.Ctl.Tests;

/// <summary>One run of gatewayctl in this process, with its exit code and what it printed.</summary>
internal sealed record CtlRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="url"/> with the test operator key from the environment.</summary>
    public static async Task<CtlRun> RunAsync(Uri url, params string[] args) =>
        await RunAsync(new Dictionary<string, string?> { [CtlOptions.UrlVariable] = url.ToString(), [CtlOptions.OperatorKeyVariable] = HandlerProcess.OperatorKey }, false, args);

    public static async Task<CtlRun> RunAsync(IReadOnlyDictionary<string, string?> environment, bool showsProgress, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Gatewayctl.RunAsync(args, new CtlConsole(output, error, showsProgress), handler: null, CancellationToken.None, name => environment.GetValueOrDefault(name));
        return new CtlRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The output of a <c>--json</c> run that succeeded.</summary>
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"gatewayctl exited {ExitCode}: {Error}");
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }
}
