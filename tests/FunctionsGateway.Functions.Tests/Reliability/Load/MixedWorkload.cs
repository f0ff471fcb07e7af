using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FunctionsGateway.Functions.Tests.Reliability.Load;

/// <summary>One kind of request of the mix: its route (as reported), weight, the function whose rate-limit counter it
/// moves (null when the route is not rate limited), and how to build it.</summary>
internal sealed record LoadOperation(string Route, int Weight, string? RateLimitedFunction, Func<HttpRequestMessage> Create);

/// <summary>What a run measured for one route.</summary>
internal sealed record RouteFigures(string Route, int Requests, int Errors, double P50Milliseconds, double P99Milliseconds);

/// <summary>What a run measured.</summary>
internal sealed record LoadReport(int Connections, TimeSpan Duration, IReadOnlyList<RouteFigures> Routes, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, int> Admitted)
{
    public int Requests => Routes.Sum(r => r.Requests);

    /// <summary>The figures as a Markdown table (route, requests, errors, p50, p99).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Connections} connections, {Duration.TotalSeconds:F0} s, {Requests} requests ({Requests / Duration.TotalSeconds:F0}/s), {Errors.Count} errors\n\n");
        text.Append("| Route | Requests | Errors | p50 (ms) | p99 (ms) |\n|---|---:|---:|---:|---:|\n");
        foreach (var route in Routes)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {route.Route} | {route.Requests} | {route.Errors} | {route.P50Milliseconds:F1} | {route.P99Milliseconds:F1} |\n");
        }

        return text.ToString();
    }
}

/// <summary>
/// A closed-loop load generator: <c>connections</c> workers, each on its own connection, send operations picked by
/// weight (seeded, so a run is repeatable in its mix; each operation once first) back to back until the duration is over, read each answer whole,
/// and time it. Any answer but a 2xx (or a Kubo error line in a 200) is an error.
/// </summary>
internal static class MixedWorkload
{
    public static async Task<LoadReport> RunAsync(Uri gateway, IReadOnlyList<LoadOperation> operations, int connections, TimeSpan duration, int seed = 8)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(120) };
        var samples = operations.Select(o => o.Route).Distinct().ToDictionary(r => r, _ => new ConcurrentBag<double>(), StringComparer.Ordinal);
        var failures = operations.Select(o => o.Route).Distinct().ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        var admitted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var errors = new ConcurrentQueue<string>();
        var totalWeight = operations.Sum(o => o.Weight);
        var started = 0;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed + worker);
            while (clock.Elapsed < duration)
            {
                // Every operation once first (however short the run), then by weight.
                var first = Interlocked.Increment(ref started) - 1;
                var operation = first < operations.Count ? operations[first] : Pick(operations, random.Next(totalWeight));
                var error = await SendAsync(http, operation, samples[operation.Route]);
                if (error is null)
                {
                    if (operation.RateLimitedFunction is { } function)
                    {
                        admitted.AddOrUpdate(function, 1, (_, n) => n + 1);
                    }
                }
                else
                {
                    lock (failures)
                    {
                        failures[operation.Route]++;
                    }

                    errors.Enqueue(error);
                }
            }
        })));

        var routes = samples
            .Select(s => (Route: s.Key, Times: s.Value.Order().ToArray()))
            .Select(s => new RouteFigures(s.Route, s.Times.Length + failures[s.Route], failures[s.Route], Percentile(s.Times, 0.50), Percentile(s.Times, 0.99)))
            .OrderBy(r => r.Route, StringComparer.Ordinal)
            .ToList();
        return new LoadReport(connections, clock.Elapsed, routes, errors.Take(50).ToList(), admitted);
    }

    private static async Task<string?> SendAsync(HttpClient http, LoadOperation operation, ConcurrentBag<double> times)
    {
        using var request = operation.Create();
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode || body.AsSpan().IndexOf("\"Type\":\"error\""u8) >= 0)
            {
                return $"{operation.Route}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}";
            }

            times.Add(elapsed);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return $"{operation.Route}: {e.GetType().Name} {e.Message}";
        }
    }

    private static LoadOperation Pick(IReadOnlyList<LoadOperation> operations, int ticket)
    {
        foreach (var operation in operations)
        {
            if (ticket < operation.Weight)
            {
                return operation;
            }

            ticket -= operation.Weight;
        }

        return operations[^1];
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
