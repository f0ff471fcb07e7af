using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using FunctionsGateway.Functions.Hosting;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>
/// OTLP export (<see cref="TelemetryExport"/>): nothing at all without an endpoint; with one, traces, metrics and logs
/// reach the collector. No OpenTelemetry collector runs here, so a stand-in receiver on real Kestrel records what the
/// real OTLP exporter posts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddTelemetryExport_NoEndpoint_NoProviderNoExporter()
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();

        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is TelemetryExport.TelemetryProviders);
        Assert.DoesNotContain(app.Services.GetServices<ILoggerProvider>(), p => p.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddTelemetryExport_HttpEndpointOfAStandInCollector_TracesMetricsAndLogsPostedToTheirPaths()
    {
        var posted = new ConcurrentQueue<string>();
        await using var collector = await StandInServer.StartAsync(async context =>
        {
            posted.Enqueue(context.Request.Path.Value ?? "");
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 200;
        });
        var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Telemetry:OtlpEndpoint"] = collector.BaseAddress.ToString(),
            ["Gateway:Telemetry:OtlpProtocol"] = "HttpProtobuf",
        });
        await using (app)
        {
            var (client, _, _) = await app.CreateUserClientAsync();
            using var put = await client.PutAsync("/v1/files/traced.txt", new StringContent("traced"));
            Assert.True(put.IsSuccessStatusCode);
            Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is TelemetryExport.TelemetryProviders);
        }

        // Stopping the host flushes every exporter.
        Assert.Contains("/v1/traces", posted);
        Assert.Contains("/v1/metrics", posted);
        Assert.Contains("/v1/logs", posted);
    }
}
