using System.Diagnostics;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Functions.Hosting;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Reliability;

/// <summary>
/// The built handler started by the launch contract (a real process on real Kestrel, as the Functions host starts
/// it), with a <see cref="Twin"/>: the same handler in-process on the same settings and storage, never sent the
/// requests under test, used to read the mapped endpoints, issue credentials and count what is stored.
/// </summary>
public sealed class LaunchedGateway : IAsyncDisposable
{
    private readonly Process _process;

    private LaunchedGateway(Process process, GatewayApplication twin, HttpClient http, Uri address)
    {
        _process = process;
        Twin = twin;
        Http = http;
        Address = address;
    }

    /// <summary>The in-process twin: same settings, same tables and containers.</summary>
    public GatewayApplication Twin { get; }

    /// <summary>A client of the launched process.</summary>
    public HttpClient Http { get; }

    /// <summary>The launched process's base address.</summary>
    public Uri Address { get; }

    /// <summary>The twin's storage names (those of the launched process).</summary>
    public StorageNames Names => Twin.Services.GetRequiredService<StorageNames>();

    /// <summary>
    /// Starts the handler with the test gateway settings (<see cref="GatewayServices.Settings"/>) and
    /// <paramref name="overrides"/>, and waits for its readiness answer.
    /// </summary>
    public static async Task<LaunchedGateway> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? overrides = null)
    {
        Assert.True(File.Exists(HandlerBuildOutput.Executable), $"The handler is not built at {HandlerBuildOutput.Executable}.");
        var settings = GatewayServices.Settings(azurite, overrides);
        var twin = new GatewayApplication(azurite, new Dictionary<string, string?>(settings)
        {
            ["Gateway:Uploads:PushWorker"] = "Off",
            ["Gateway:Pins:Worker"] = "Off",
        });
        _ = twin.Services;
        var port = FreePorts.Next();
        var environment = settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!));
        var process = LaunchContract.Start(LaunchContract.StartInfo(HandlerBuildOutput.Executable, port, environment));
        var address = new Uri($"http://127.0.0.1:{port}");
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await LaunchContract.WaitForOkAsync(http, process, "/", TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(60));
        }
        catch
        {
            await LaunchContract.StopAsync(process);
            process.Dispose();
            http.Dispose();
            await twin.DisposeAsync();
            throw;
        }

        return new LaunchedGateway(process, twin, http, address);
    }

    /// <summary>The HTTP functions the handler maps, with their endpoints' metadata, from its endpoint data source.</summary>
    public IReadOnlyList<RouteEndpoint> HttpFunctionEndpoints() =>
        Twin.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionMetadata>() is { QueueName: null })
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal)
            .ToList();

    /// <summary>The rows of the files table (partition/row) and the blobs of the staging container: what an upload leaves.</summary>
    public async Task<(IReadOnlyList<string> Files, IReadOnlyList<string> StagedBlobs)> ListStoredAsync()
    {
        var tables = Twin.Services.GetRequiredService<ITableStorage>();
        var blobs = Twin.Services.GetRequiredService<IBlobStorage>();
        var files = new List<string>();
        await foreach (var row in tables.QueryAllAsync(Names.FilesTable, null))
        {
            files.Add($"{row.PartitionKey}/{row.RowKey} {row.GetString("Name")}");
        }

        var staged = new List<string>();
        await foreach (var blob in blobs.ListAsync(Names.StagingContainer))
        {
            staged.Add(blob.Name);
        }

        return (files, staged);
    }

    public async ValueTask DisposeAsync()
    {
        await LaunchContract.StopAsync(_process);
        _process.Dispose();
        Http.Dispose();
        await Twin.DisposeAsync();
    }
}
