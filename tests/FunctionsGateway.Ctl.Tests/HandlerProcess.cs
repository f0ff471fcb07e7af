using System.Diagnostics;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests;

/// <summary>The gateway's handler started under the launch contract on its own storage prefix, for gatewayctl to drive.</summary>
internal sealed class HandlerProcess : IAsyncDisposable
{
    public const string OperatorKey = "gatewayctl-test-operator-key";

    private readonly Process _process;

    private HandlerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>A client of the handler with no credentials.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<HandlerProcess> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Assert.True(File.Exists(HandlerBuildOutput.Executable), $"The handler is not built at {HandlerBuildOutput.Executable}.");
        var port = FreePorts.Next();
        var all = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Gateway__Operator__Key"] = OperatorKey,
            ["Gateway__Storage__ResourcePrefix"] = AzuriteFixture.UniqueName("c"),
            ["Gateway__Uploads__PushWorker"] = "Off",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        var process = LaunchContract.Start(LaunchContract.StartInfo(HandlerBuildOutput.Executable, port, all));
        var handler = new HandlerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            using var http = handler.CreateClient();
            await LaunchContract.WaitForOkAsync(http, process, "/", TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(60));
            return handler;
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LaunchContract.StopAsync(_process);
        _process.Dispose();
    }
}
