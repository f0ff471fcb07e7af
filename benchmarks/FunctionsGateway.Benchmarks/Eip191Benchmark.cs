using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Tooling;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// EIP-191 verifications per second on one thread: <see cref="Eip191Signer.VerifyMessage"/> (recover the signer of a
/// personal message) against ethers 6's <c>ethers.verifyMessage</c> in Node on the same machine, over the same 64
/// SIWE-sized messages signed by 64 keys. Each side runs <c>--seconds</c> per round, alternating (AB, BA, …) for
/// <c>--rounds</c> rounds; figures are medians. Both must recover the signing addresses. Target: ≥ 2× ethers.
/// </summary>
internal static class Eip191Benchmark
{
    public const string Command = "eip191-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 5.0);
        var rounds = (int)Option(args, "--rounds", 3.0);
        var cases = MakeCases(64);
        var json = new JsonArray([.. cases.Select(c => new JsonObject { ["message"] = c.Message, ["signature"] = "0x" + Convert.ToHexStringLower(c.Signature), ["address"] = c.Address.ToString() })]).ToJsonString();
        await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.EthereumPeers, Path.Combine("node_modules", "ethers", "package.json"));
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "eip191-verify.cjs");

        var ours = new List<double>();
        var theirs = new List<double>();
        Ours(cases, 0.5); // warm-up: tiered JIT
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                ours.Add(Ours(cases, seconds));
                theirs.Add(await EthersAsync(script, json, seconds));
            }
            else
            {
                theirs.Add(await EthersAsync(script, json, seconds));
                ours.Add(Ours(cases, seconds));
            }
        }

        var ratio = Median(ours.Zip(theirs, (o, t) => o / t));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"EIP-191 verification (recover signer of a {cases[0].Message.Length}-character SIWE message), one thread, {rounds} rounds of {seconds} s, {Environment.ProcessorCount} cores");
        text.AppendLine("| Implementation | Verifications/s (median) | Rounds |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Eip191Signer.VerifyMessage (.NET {Environment.Version}) | {Median(ours):F0} | {string.Join(", ", ours.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ethers.verifyMessage (ethers 6, Node {await NodeVersionAsync()}) | {Median(theirs):F0} | {string.Join(", ", theirs.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratio (median of per-round ratios): {ratio:F2}× (target ≥ 2×)");
        Console.WriteLine(text);
        return ratio >= 2 ? 0 : 1;
    }

    private static double Ours(List<(string Message, byte[] Signature, EthereumAddress Address)> cases, double seconds)
    {
        var watch = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        long n = 0;
        while (watch.Elapsed < limit)
        {
            var c = cases[(int)(n % cases.Count)];
            if (Eip191Signer.VerifyMessage(c.Message, c.Signature) != c.Address)
            {
                throw new InvalidOperationException("Recovered another address.");
            }

            n++;
        }

        return n / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> EthersAsync(string script, string cases, double seconds)
    {
        var output = await NodePackages.RunNodeAsync(RepositoryPaths.EthereumPeers, script, [RepositoryPaths.EthereumPeers, seconds.ToString(CultureInfo.InvariantCulture)], cases, TimeSpan.FromSeconds(seconds + 60));
        return (double)JsonNode.Parse(output)!["perSecond"]!;
    }

    private static async Task<string> NodeVersionAsync() =>
        (await NodePackages.RunNodeAsync(RepositoryPaths.EthereumPeers, "-e", ["process.stdout.write(process.version)"], null, TimeSpan.FromSeconds(30))).Trim();

    private static List<(string Message, byte[] Signature, EthereumAddress Address)> MakeCases(int count)
    {
        var cases = new List<(string, byte[], EthereumAddress)>();
        while (cases.Count < count)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            if (!Secp256k1.IsValidPrivateKey(key))
            {
                continue;
            }

            var address = EthereumAddress.FromPrivateKey(key);
            var message = $"memo.io wants you to sign in with your Ethereum account:\n{address}\n\n\nURI: https://memo.io\nVersion: 1\nChain ID: 985\n" +
                $"Nonce: {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}\nIssued At: 2026-01-01T00:00:00Z";
            cases.Add((message, Eip191Signer.SignMessage(message, key), address));
        }

        return cases;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
