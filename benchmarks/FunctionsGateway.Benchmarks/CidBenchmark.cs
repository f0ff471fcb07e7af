using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// CID computation of one file (default a generated 1 GiB file), two comparisons:
/// <list type="number">
/// <item>in process, one thread, the file read in 8 MiB chunks: <see cref="UnixFsFileBuilder"/> (default profile, no
/// sink) against one SHA-256 over the same bytes (target ≥ 0.9× its throughput);</item>
/// <item>whole processes, end to end: this program's <c>cid FILE</c> against Debian's <c>ipfs_cid FILE</c>
/// (target ≥ 1.0×, i.e. not slower).</item>
/// </list>
/// Each pair runs <c>--runs</c> times in alternating order (AB, BA, …) after a warm-up that fills the page cache, so
/// load on a shared machine weighs on both sides alike; the figures are medians, the ratio the median of the per-pair
/// ratios. CPU time (user + system) is reported next to wall time. Both tools must print the same CID.
/// </summary>
internal static class CidBenchmark
{
    public static async Task<int> RunAsync(CidBenchmarkOptions options)
    {
        var generated = options.File is null;
        var path = options.File ?? await GenerateAsync(options.SizeBytes);
        try
        {
            var bytes = new FileInfo(path).Length;
            var expected = CidCommand.Compute(path, UnixFsProfile.UnixFsV0_2015);
            var reference = await IpfsCidAsync(path);
            if (reference.Cid != expected)
            {
                Console.Error.WriteLine($"CID mismatch: cid gives {expected}, ipfs_cid {reference.Cid}.");
                return 2;
            }

            Sha256(path);
            var builder = new List<Measurement>();
            var sha = new List<Measurement>();
            var ours = new List<Measurement>();
            var theirs = new List<Measurement>();
            for (var run = 0; run < options.Runs; run++)
            {
                await Pair(run, () => InProcess("UnixFsFileBuilder", () => CidCommand.Compute(path, UnixFsProfile.UnixFsV0_2015)), builder, () => InProcess("SHA-256", () => Sha256(path)), sha);
                await Pair(run, () => OurToolAsync(path, expected), ours, async () => (await IpfsCidAsync(path)).Measurement, theirs);
            }

            var builderRatio = Median(builder.Zip(sha, (b, s) => s.Wall / b.Wall));
            var endToEndRatio = Median(ours.Zip(theirs, (o, t) => t.Wall / o.Wall));
            Console.WriteLine(Report(options, path, bytes, expected, [builder, sha, ours, theirs], builderRatio, endToEndRatio));
            return builderRatio >= 0.9 && endToEndRatio >= 1.0 ? 0 : 1;
        }
        finally
        {
            if (generated)
            {
                File.Delete(path);
            }
        }
    }

    private static async Task Pair(int run, Func<Task<Measurement>> a, List<Measurement> aResults, Func<Task<Measurement>> b, List<Measurement> bResults)
    {
        if (run % 2 == 0)
        {
            aResults.Add(await a());
            bResults.Add(await b());
        }
        else
        {
            bResults.Add(await b());
            aResults.Add(await a());
        }
    }

    private static Task<Measurement> InProcess(string name, Action work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        work();
        var wall = Stopwatch.GetElapsedTime(started);
        return Task.FromResult(new Measurement(name, wall.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
    }

    private static void Sha256(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var chunk in FileChunks.Read(path))
        {
            hash.AppendData(chunk.Span);
        }

        hash.GetHashAndReset();
    }

    private static async Task<Measurement> OurToolAsync(string path, Cid expected)
    {
        // This program, started again as a whole process: the apphost, or `dotnet exec` of the entry assembly.
        var self = Environment.ProcessPath!;
        string[] args = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? ["exec", Assembly.GetEntryAssembly()!.Location, "cid", path]
            : ["cid", path];
        var (output, measurement) = await RunProcessAsync("cid", self, args);
        var cid = Cid.Parse(output.Trim());
        return cid == expected ? measurement : throw new InvalidOperationException($"cid printed {cid}, expected {expected}.");
    }

    private static async Task<(Cid Cid, Measurement Measurement)> IpfsCidAsync(string path)
    {
        try
        {
            var (output, measurement) = await RunProcessAsync("ipfs_cid", "ipfs_cid", [path]);
            using var json = JsonDocument.Parse(output);
            return (Cid.Parse(json.RootElement.GetProperty("CIDv0").GetString()!), measurement);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("ipfs_cid is not on PATH: apt-get install -y ipfs-cid", e);
        }
    }

    private static async Task<(string Output, Measurement Measurement)> RunProcessAsync(string name, string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var cpu = ChildProcessUsage.Total();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await stderr}");
        }

        return (await stdout, new Measurement(name, wall.TotalSeconds, (ChildProcessUsage.Total() - cpu).TotalSeconds));
    }

    private static async Task<string> GenerateAsync(long size)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-cid-bench-{Guid.NewGuid():N}.bin");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        await new PatternStream(size).CopyToAsync(file, FileChunks.ChunkBytes);
        return path;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Report(
        CidBenchmarkOptions options,
        string path,
        long bytes,
        Cid cid,
        List<Measurement>[] runs,
        double builderRatio,
        double endToEndRatio)
    {
        var mib = bytes / 1048576.0;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"CID of {path} ({mib:0} MiB): {cid}; {options.Runs} runs each, alternating; medians");
        text.AppendLine(c, $"{Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}, .NET {Environment.Version}");
        text.AppendLine();
        text.AppendLine("| What | Wall s | MiB/s (wall) | CPU s | MiB/s (CPU) |");
        text.AppendLine("|---|---|---|---|---|");
        string[] names = ["UnixFsFileBuilder, in process", "SHA-256, in process", "`cid FILE`, whole process", "`ipfs_cid FILE`, whole process"];
        foreach (var (name, measurements) in names.Zip(runs))
        {
            var wall = Median(measurements.Select(r => r.Wall));
            var cpu = Median(measurements.Select(r => r.Cpu));
            text.AppendLine(c, $"| {name} | {wall:0.000} | {mib / wall:0} | {cpu:0.000} | {mib / cpu:0} |");
        }

        // By CPU time too: on a shared machine wall time also measures who else is running.
        var builderCpu = Median(runs[0].Zip(runs[1], (b, s) => s.Cpu / b.Cpu));
        var endToEndCpu = Median(runs[2].Zip(runs[3], (o, t) => t.Cpu / o.Cpu));
        text.AppendLine();
        text.AppendLine(c, $"UnixFsFileBuilder / SHA-256 throughput: {builderRatio:0.00}x by wall time, {builderCpu:0.00}x by CPU time (target >= 0.9x){(builderRatio >= 0.9 ? "" : "  MISSED")}");
        text.AppendLine(c, $"cid / ipfs_cid end to end: {endToEndRatio:0.00}x by wall time, {endToEndCpu:0.00}x by CPU time (target >= 1.0x){(endToEndRatio >= 1.0 ? "" : "  MISSED")}");
        text.AppendLine("(ratios: medians of the per-pair ratios)");
        return text.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Measurement(string Name, double Wall, double Cpu);
}
