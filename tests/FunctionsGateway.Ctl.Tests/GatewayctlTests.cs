using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests;

/// <summary><see cref="Gatewayctl"/>: a command for every operator route, the global options, the real executable.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayctlTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Build_EveryOperatorRouteOfTheGateway_HasACommandAndNoCommandCallsAnUnknownRoute()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        using var http = handler.CreateClient();
        using var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var gateway = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/ops/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var commands = Routes(Gatewayctl.Build(new CtlContext(new CtlOptions(), new CtlConsole(TextWriter.Null, TextWriter.Null, false), null, _ => null)))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(gateway);
        Assert.Equal(gateway, commands);
    }

    [Fact]
    public async Task RunAsync_NoOperatorKey_Exit1AndSaysWhereTheKeyComesFrom()
    {
        var run = await CtlRun.RunAsync(new Dictionary<string, string?>(), false, "identities", "list");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains(CtlOptions.OperatorKeyVariable, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task RunAsync_GatewayNotListening_Exit2CouldNotReach()
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var run = await CtlRun.RunAsync(new Dictionary<string, string?> { [CtlOptions.OperatorKeyVariable] = "k" }, false, "--url", url, "identities", "list");

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.StartsWith($"gatewayctl: could not reach {url}/", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WrongOperatorKey_Exit1WithTheGatewaysMessage()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var run = await CtlRun.RunAsync(new Dictionary<string, string?>(), false, "--url", handler.Url.ToString(), "--operator-key", "not-the-key", "--json", "identities", "list");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("(HTTP 401 ", run.Error, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(run.Output);
        Assert.True(body.RootElement.GetProperty("error").TryGetProperty("code", out _));
    }

    [Theory]
    [InlineData("--url", "ftp://example.org")]
    [InlineData("--url", "not a url")]
    [InlineData("--timeout", "-00:00:01")]
    [InlineData("--timeout", "soon")]
    public async Task RunAsync_BadGlobalOption_Exit1BeforeAnyCall(string option, string value)
    {
        var run = await CtlRun.RunAsync(new Dictionary<string, string?> { [CtlOptions.OperatorKeyVariable] = "k" }, false, option, value, "identities", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_UrlAndKeyFromTheEnvironment_CreatesAndListsAnIdentity()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var created = await RunExecutableAsync(handler, "--json", "identities", "create", "from the executable");
        var listed = await RunExecutableAsync(handler, "identities", "list");

        var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
        var lines = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith(id, StringComparison.Ordinal) && line.Contains("from the executable", StringComparison.Ordinal));
    }

    private static async Task<string> RunExecutableAsync(HandlerProcess handler, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gatewayctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[CtlOptions.UrlVariable] = handler.Url.ToString();
        start.Environment[CtlOptions.OperatorKeyVariable] = HandlerProcess.OperatorKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"gatewayctl exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static IEnumerable<string> Routes(Command command) =>
        (command is OpsRouteCommand ops ? [ops.Route] : Enumerable.Empty<string>()).Concat(command.Subcommands.SelectMany(Routes));
}
