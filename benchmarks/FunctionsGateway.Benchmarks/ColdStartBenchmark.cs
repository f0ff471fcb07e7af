using System.Diagnostics;
using System.Globalization;
using System.Text;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// Cold start: the deployment package (published with the documented command) and an empty ASP.NET Core minimal
/// app published the same way (linux-x64, self-contained, ReadyToRun) are each started N times under the launch
/// contract, alternating gateway/empty then empty/gateway so that a busy machine weighs on both alike. Each start
/// is timed from just before the process starts, as the Functions host sees it: to the first 200 from GET / (the
/// readiness ping), then to the first 200 from GET /health, each polled every millisecond. The gateway runs as under
/// the Functions host (worker id and app root set, so no push poller), against Azurite: its /health is three
/// storage round trips, the empty app's answers at once.
/// One start of each is made first and not counted, so that both find their files in the page cache.
/// </summary>
internal static class ColdStartBenchmark
{
    private const string OperatorKey = "cold-start-operator-key-0123456789";

    /// <summary>The empty app's project.</summary>
    private static string EmptyHandlerProject => Path.Combine(RepositoryPaths.Root, "benchmarks", "FunctionsGateway.EmptyHandler");

    public static async Task<int> RunAsync(ColdStartOptions options)
    {
        var root = Directory.CreateTempSubdirectory("fg-cold-start-").FullName;
        var azurite = new AzuriteFixture();
        try
        {
            Console.WriteLine("Publishing the gateway package and the empty app (linux-x64, self-contained, ReadyToRun)…");
            var gatewayPackage = Path.Combine(root, "gateway");
            var emptyPackage = Path.Combine(root, "empty");
            await DeploymentPackage.PublishAsync(DeploymentPackage.HandlerProject, gatewayPackage);
            await DeploymentPackage.PublishAsync(EmptyHandlerProject, emptyPackage);
            await azurite.InitializeAsync();

            var gateway = new App("gateway package", Path.Combine(gatewayPackage, DeploymentPackage.HandlerExecutable), new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Gateway__Operator__Key"] = OperatorKey,
                ["Gateway__Storage__ResourcePrefix"] = AzuriteFixture.UniqueName("c"),
                ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString(),
                ["FUNCTIONS_APP_ROOT_PATH"] = gatewayPackage,
            });
            var empty = new App("empty ASP.NET Core app", Path.Combine(emptyPackage, "FunctionsGateway.EmptyHandler"), new Dictionary<string, string>
            {
                ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString(),
                ["FUNCTIONS_APP_ROOT_PATH"] = emptyPackage,
            });

            var loadBefore = LoadAverage();
            await StartOnceAsync(gateway);
            await StartOnceAsync(empty);
            for (var i = 0; i < options.Starts; i++)
            {
                foreach (var app in i % 2 == 0 ? new[] { gateway, empty } : [empty, gateway])
                {
                    app.Add(await StartOnceAsync(app));
                }
            }

            var results = new[] { gateway.Result(), empty.Result() };
            var ratio = results[0].Healthy.Median / results[1].Healthy.Median;
            Console.WriteLine(Report(options, results, ratio, loadBefore, LoadAverage()));
            return ratio <= 1.2 ? 0 : 1;
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ColdStart> StartOnceAsync(App app)
    {
        var port = FreePorts.Next();
        var start = LaunchContract.StartInfo(app.Executable, port, app.Settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        using var process = LaunchContract.Start(start);
        try
        {
            await LaunchContract.WaitForOkAsync(http, process, "/", TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(60));
            var ready = watch.Elapsed;
            await LaunchContract.WaitForOkAsync(http, process, "/health", TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(60));
            var healthy = watch.Elapsed;
            return new ColdStart(ready, healthy, ProcessStatus.ReadKib(process.Id, "VmRSS") * 1024);
        }
        finally
        {
            await LaunchContract.StopAsync(process);
        }
    }

    private static string Report(ColdStartOptions options, ColdStartResult[] results, double ratio, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cold start, {options.Starts} starts each (alternating), {Environment.ProcessorCount} cores, load average {loadBefore} before and {loadAfter} after");
        text.AppendLine();
        text.AppendLine("| App | /health median (ms) | /health p90 (ms) | min (ms) | max (ms) | GET / median (ms) | GET / p90 (ms) | RSS then (MiB) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Healthy.Median.TotalMilliseconds:F0} | {r.Healthy.P90.TotalMilliseconds:F0} | {r.Healthy.Min.TotalMilliseconds:F0} | {r.Healthy.Max.TotalMilliseconds:F0} | {r.Ready.Median.TotalMilliseconds:F0} | {r.Ready.P90.TotalMilliseconds:F0} | {r.MedianRssBytes / 1048576.0:F0} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Gateway / empty app, /health medians: {ratio:F2} (target ≤ 1.20); GET / medians: {results[0].Ready.Median / results[1].Ready.Median:F2}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Gateway starts (ms): {string.Join(' ', results[0].Healthy.Values.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Empty app starts (ms): {string.Join(' ', results[1].Healthy.Values.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))}");
        return text.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One start: to the first 200 from GET /, to the first 200 from /health, and the RSS then.</summary>
    private readonly record struct ColdStart(TimeSpan Ready, TimeSpan Healthy, long RssBytes);

    /// <summary>One app under test and its measured starts.</summary>
    private sealed class App(string name, string executable, IReadOnlyDictionary<string, string> settings)
    {
        private readonly List<ColdStart> _starts = [];

        public string Executable { get; } = executable;

        public IReadOnlyDictionary<string, string> Settings { get; } = settings;

        public void Add(ColdStart start) => _starts.Add(start);

        public ColdStartResult Result() => new(
            name,
            new Timings(_starts.Select(s => s.Ready).ToList()),
            new Timings(_starts.Select(s => s.Healthy).ToList()),
            _starts.Select(s => s.RssBytes).Order().ElementAt(_starts.Count / 2));
    }
}
