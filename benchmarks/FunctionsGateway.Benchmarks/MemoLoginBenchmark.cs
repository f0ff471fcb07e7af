using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// SIWE logins per second through the real handler (a child process on Azurite, nonces in Table storage): each
/// login is <c>GET /memo/challenge</c> (a nonce row inserted), an EIP-191 signature by the client, and
/// <c>POST /memo/login</c> (the nonce read and deleted under its ETag, the signature recovered, an identity looked
/// up, two JWTs issued and recorded as credentials). <c>--clients</c> wallets log in concurrently for
/// <c>--seconds</c> after a warm-up; the client runs on the same machine and its signing is included.
/// </summary>
internal static class MemoLoginBenchmark
{
    public const string Command = "memo-login-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Eip191Benchmark.Option(args, "--seconds", 20.0);
        var clients = (int)Eip191Benchmark.Option(args, "--clients", 8.0);
        var azurite = await HandlerProcess.StartAzuriteAsync();
        var port = FreePorts.Next();
        using var handler = HandlerProcess.Start(port, azurite.ConnectionString, new Dictionary<string, string>
        {
            ["Gateway__Operator__Key"] = "benchmark-operator-key-0123456789",
            ["Gateway__Uploads__PushWorker"] = "Off",
            ["Gateway__Memo__JwtSigningKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        });
        var gateway = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(1) };
        try
        {
            await HandlerProcess.WaitAsync(http, gateway);
            var wallets = Enumerable.Range(0, clients).Select(_ => NewKey()).ToList();
            await RunAsync(http, wallets, TimeSpan.FromSeconds(3)); // warm-up: JIT, tables created, identities exist
            var (logins, failures, elapsed, latencies) = await RunAsync(http, wallets, TimeSpan.FromSeconds(seconds));
            latencies.Sort();
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"MEMO SIWE logins (challenge + sign + login) through the handler on Azurite, {clients} concurrent clients, {seconds} s, {Environment.ProcessorCount} cores");
            text.AppendLine("| Logins | Failed | Logins/s | Median ms | p95 ms |");
            text.AppendLine("|---|---|---|---|---|");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {logins} | {failures} | {logins / elapsed.TotalSeconds:F1} | {Percentile(latencies, 0.5):F1} | {Percentile(latencies, 0.95):F1} |");
            Console.WriteLine(text);
            return failures == 0 && logins > 0 ? 0 : 1;
        }
        finally
        {
            if (!handler.HasExited)
            {
                handler.Kill(entireProcessTree: true);
                await handler.WaitForExitAsync();
            }

            await azurite.DisposeAsync();
            Directory.Delete(azurite.Options.Location, recursive: true);
        }
    }

    private static async Task<(long Logins, long Failures, TimeSpan Elapsed, List<double> Latencies)> RunAsync(HttpClient http, IReadOnlyList<byte[]> wallets, TimeSpan duration)
    {
        long logins = 0;
        long failures = 0;
        var latencies = new List<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(wallets.Select(key => Task.Run(async () =>
        {
            var address = EthereumAddress.FromPrivateKey(key);
            var own = new List<double>();
            while (watch.Elapsed < duration)
            {
                var started = watch.Elapsed;
                if (await LoginAsync(http, key, address))
                {
                    Interlocked.Increment(ref logins);
                    own.Add((watch.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(own);
            }
        })));
        return (logins, failures, watch.Elapsed, latencies);
    }

    private static async Task<bool> LoginAsync(HttpClient http, byte[] key, EthereumAddress address)
    {
        using var challenge = new HttpRequestMessage(HttpMethod.Get, $"memo/challenge?address={address}");
        challenge.Headers.Add("Origin", "https://memo.io");
        using var issued = await http.SendAsync(challenge);
        if (!issued.IsSuccessStatusCode)
        {
            return false;
        }

        var message = await issued.Content.ReadAsStringAsync();
        var signature = "0x" + Convert.ToHexStringLower(Eip191Signer.SignMessage(message, key));
        using var login = await http.PostAsJsonAsync("memo/login", new Dictionary<string, string> { ["message"] = message, ["signature"] = signature });
        return login.IsSuccessStatusCode;
    }

    private static byte[] NewKey()
    {
        while (true)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            if (Secp256k1.IsValidPrivateKey(key))
            {
                return key;
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
