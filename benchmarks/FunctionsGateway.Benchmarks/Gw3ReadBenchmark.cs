using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Storage.Emulator;
using FunctionsGateway.Core.Tooling;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// What Gateway3's HMAC authentication costs on a read (issue 6, "Measured"): requests per second of
/// <c>GET /gw3/ipfs/{cid}</c> signed (Mode B) against <c>GET /ipfs/{cid}</c> without credentials, for the same stored
/// 1 KiB file, through the real handler on Azurite, with npm <c>autocannon</c> (pinned in <c>benchmarks/autocannon</c>) at
/// 50 connections. Runs in the order open, signed, signed, open (ABBA); each figure is the mean of its two runs.
/// </summary>
internal static class Gw3ReadBenchmark
{
    private static readonly string AutocannonTool = Path.Combine(RepositoryPaths.Root, "benchmarks", "autocannon");

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.SkipWhile(a => a != "--duration").Skip(1).Select(d => int.Parse(d, CultureInfo.InvariantCulture)).FirstOrDefault(15);
        var cacheSeconds = args.SkipWhile(a => a != "--credential-cache").Skip(1).Select(d => int.Parse(d, CultureInfo.InvariantCulture)).FirstOrDefault(0);
        await NpmToolInstaller.EnsureInstalledAsync(AutocannonTool, Path.Combine("node_modules", "autocannon", "package.json"));
        await using var azurite = await HandlerProcess.StartAzuriteAsync();
        var port = FreePorts.Next();
        using var handler = HandlerProcess.Start(port, azurite.ConnectionString, new Dictionary<string, string>
        {
            ["Gateway__Operator__Key"] = UploadBenchmark.OperatorKey,
            ["Gateway__Uploads__PushWorker"] = "On",
            ["Gateway__Uploads__PushPollInterval"] = "00:00:00.200",
            ["Gateway__Gw3__CredentialCacheDuration"] = TimeSpan.FromSeconds(cacheSeconds).ToString("c", CultureInfo.InvariantCulture),
        });
        try
        {
            var gateway = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient { BaseAddress = gateway };
            await HandlerProcess.WaitAsync(http, gateway);
            var (key, secret) = await IssueKeyAsync(http);
            var cid = await UploadAsync(http, key, secret, RandomNumberGenerator.GetBytes(1024));
            await WaitUntilStoredAsync(http, cid);

            var open = new Uri(gateway, $"ipfs/{cid}").ToString();
            await AutocannonAsync(open, [], 3);
            await AutocannonAsync(Signed(gateway, cid, key, secret).Url, Signed(gateway, cid, key, secret).Headers, 3);
            var open1 = await AutocannonAsync(open, [], seconds);
            var signed1 = await AutocannonAsync(Signed(gateway, cid, key, secret).Url, Signed(gateway, cid, key, secret).Headers, seconds);
            var signed2 = await AutocannonAsync(Signed(gateway, cid, key, secret).Url, Signed(gateway, cid, key, secret).Headers, seconds);
            var open2 = await AutocannonAsync(open, [], seconds);

            var (openMean, signedMean) = ((open1 + open2) / 2, (signed1 + signed2) / 2);
            var cost = 1 - (signedMean / openMean);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                GET of a stored 1 KiB file, 50 connections, {seconds} s per run, Gateway__Gw3__CredentialCacheDuration {cacheSeconds} s, Azurite on loopback, {Environment.ProcessorCount} cores

                | Run | Requests/s |
                |---|---:|
                | GET /ipfs/{"{cid}"} (no credentials) | {open1:F0} |
                | GET /gw3/ipfs/{"{cid}"} (HMAC-signed) | {signed1:F0} |
                | GET /gw3/ipfs/{"{cid}"} (HMAC-signed) | {signed2:F0} |
                | GET /ipfs/{"{cid}"} (no credentials) | {open2:F0} |
                | mean, no credentials | {openMean:F0} |
                | mean, HMAC-signed | {signedMean:F0} |

                Authentication costs {cost:P1} of the unauthenticated rate (target ≤ 15.0 %).
                """));
            return cost <= 0.15 ? 0 : 1;
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
            Directory.Delete(azurite.Options.Location, recursive: true);
        }
    }

    // A signed request as the Go SDK makes it; ts is fresh for each run, well inside the ±300 s window.
    private static (string Url, string[] Headers) Signed(Uri gateway, string cid, string key, string secret)
    {
        var path = $"/gw3/ipfs/{cid}";
        var query = "ts=" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/')), Encoding.UTF8.GetBytes($"GET\n{path}\n{query}"));
        var signature = Convert.ToBase64String(mac).Replace('+', '-').Replace('/', '_');
        return (new Uri(gateway, path + "?" + query).ToString(), [$"X-Access-Key:{key}", $"X-Access-Signature:{signature}"]);
    }

    private static async Task<(string Key, string Secret)> IssueKeyAsync(HttpClient http)
    {
        using var ops = new HttpRequestMessage(HttpMethod.Post, "ops/identities") { Content = JsonContent.Create(new { name = "benchmark" }) };
        ops.Headers.Add("X-Operator-Key", UploadBenchmark.OperatorKey);
        using var created = await http.SendAsync(ops);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var issue = new HttpRequestMessage(HttpMethod.Post, $"ops/identities/{id}/gw3-keys");
        issue.Headers.Add("X-Operator-Key", UploadBenchmark.OperatorKey);
        using var issued = await http.SendAsync(issue);
        var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("accessKey").GetString()!, body.GetProperty("accessSecret").GetString()!);
    }

    // The two-step upload in Mode A (X-Access-Secret).
    private static async Task<string> UploadAsync(HttpClient http, string key, string secret, byte[] bytes)
    {
        using var begin = new HttpRequestMessage(HttpMethod.Post, $"gw3/ipfs/?size={bytes.Length}&ts={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        begin.Headers.Add("X-Access-Key", key);
        begin.Headers.Add("X-Access-Secret", secret);
        using var url = await http.SendAsync(begin);
        var target = JsonDocument.Parse(await url.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("url").GetString();
        using var posted = await http.PostAsync(target, new ByteArrayContent(bytes));
        return posted.Headers.GetValues("ipfs-hash").Single();
    }

    private static async Task WaitUntilStoredAsync(HttpClient http, string cid)
    {
        for (var i = 0; i < 300; i++)
        {
            using var raw = await http.GetAsync($"ipfs/{cid}?format=raw");
            if (raw.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{cid} was not pushed within 30 s.");
    }

    // Requests per second (autocannon's mean); throws when any answer was not 2xx.
    private static async Task<double> AutocannonAsync(string url, string[] headers, int seconds)
    {
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AutocannonTool, "node_modules", "autocannon", "autocannon.js"), "-c", "50", "-d", seconds.ToString(CultureInfo.InvariantCulture), "-j" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = node.StandardError.ReadToEndAsync();
        var json = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        var result = JsonDocument.Parse(json).RootElement;
        var failed = result.GetProperty("non2xx").GetInt64() + result.GetProperty("errors").GetInt64();
        if (node.ExitCode != 0 || failed > 0)
        {
            throw new InvalidOperationException($"autocannon: exit {node.ExitCode}, {failed} failed requests to {url}. {await stderr}");
        }

        return result.GetProperty("requests").GetProperty("average").GetDouble();
    }
}
