using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Tooling;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Content.Support;

/// <summary>
/// The real CID references (spec/test-peers.md): npm <c>ipfs-unixfs-importer</c>, pinned in <c>tests/peers</c> and
/// installed with <c>npm ci --ignore-scripts</c> on first use, and Debian's <c>ipfs_cid</c>. Also one seeded input
/// file, written once per run: the ChaCha20 stream of <see cref="Seed"/> (spec/standards.md §4), long enough for every
/// cross-checked size, so each size is a prefix of it. Fails with a message saying what is missing.
/// </summary>
public sealed class CidReferenceFixture : IAsyncLifetime
{
    /// <summary>The seed of the generated input.</summary>
    public const string Seed = "functionsgateway-content-cids";

    /// <summary>The input's length: 1024 × 1 MiB + 1, the largest size checked.</summary>
    public const long InputLength = (1024L * 1_048_576) + 1;

    private readonly ConcurrentDictionary<long, Task<(ReferenceCid V0, ReferenceCid V1)>> _ipfsCid = new();
    private readonly SemaphoreSlim _importerGate = new(1, 1);
    private Task<string>? _input;
    private Dictionary<ImporterJob, ReferenceCid>? _importerResults;

    /// <summary>The generated input (created on first use).</summary>
    public Task<string> InputPathAsync() => LazyInitializer.EnsureInitialized(ref _input, () => Task.Run(WriteInput));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (_input is { IsCompletedSuccessfully: true } input)
        {
            File.Delete(input.Result);
        }

        _importerGate.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The importer's answers for <paramref name="job"/>. The first call runs every job in <paramref name="allJobs"/>
    /// in one node process (node starts in ~0.3 s; the jobs share it).
    /// </summary>
    internal async Task<ReferenceCid> ImportAsync(ImporterJob job, IReadOnlyCollection<ImporterJob> allJobs)
    {
        await _importerGate.WaitAsync();
        try
        {
            if (_importerResults is null || !_importerResults.ContainsKey(job))
            {
                var jobs = allJobs.Contains(job) ? allJobs : [job];
                var answers = await RunImporterAsync(jobs);
                _importerResults ??= [];
                foreach (var (key, value) in jobs.Zip(answers))
                {
                    _importerResults[key] = value;
                }
            }

            return _importerResults[job];
        }
        finally
        {
            _importerGate.Release();
        }
    }

    /// <summary><c>ipfs_cid</c>'s CIDv0 and CIDv1 (256 KiB chunks, 174 links, dag-pb leaves) for the input's first <paramref name="length"/> bytes.</summary>
    internal Task<(ReferenceCid V0, ReferenceCid V1)> IpfsCidAsync(long length) => _ipfsCid.GetOrAdd(length, RunIpfsCidAsync);

    private static async Task<IReadOnlyList<ReferenceCid>> RunImporterAsync(IReadOnlyCollection<ImporterJob> jobs)
    {
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.UnixFsPeer, Path.Combine("node_modules", "ipfs-unixfs-importer", "package.json"));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"The CID reference ipfs-unixfs-importer could not be installed: the tests need Node.js >= 20 and npm on PATH and the npm registry reachable for 'npm ci' in {RepositoryPaths.UnixFsPeer}. {e.Message}", e);
        }

        var jobFile = Path.Combine(Path.GetTempPath(), $"fg-importer-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(jobFile, JsonSerializer.Serialize(jobs.Select(j => new
        {
            path = j.Path, length = j.Length, cidVersion = j.CidVersion, chunkSize = j.ChunkSize,
            maxChildrenPerNode = j.MaxChildrenPerNode, rawLeaves = j.RawLeaves,
        })));
        try
        {
            var output = await RunAsync("node", [Path.Combine(RepositoryPaths.UnixFsPeer, "unixfs-cid.mjs"), jobFile], null, RepositoryPaths.UnixFsPeer);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length != jobs.Count)
            {
                throw new InvalidOperationException($"unixfs-cid.mjs answered {lines.Length} of {jobs.Count} jobs: {output}");
            }

            return [.. lines.Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                return new ReferenceCid(
                    Convert.FromHexString(root.GetProperty("cid").GetString()!),
                    root.GetProperty("text").GetString()!,
                    ulong.Parse(root.GetProperty("size").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            })];
        }
        finally
        {
            File.Delete(jobFile);
        }
    }

    private async Task<(ReferenceCid V0, ReferenceCid V1)> RunIpfsCidAsync(long length)
    {
        var path = await InputPathAsync();
        string output;
        try
        {
            output = await RunAsync("ipfs_cid", ["/dev/stdin"], async stdin =>
            {
                await using var input = File.OpenRead(path);
                var buffer = new byte[1 << 20];
                for (var left = length; left > 0;)
                {
                    var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
                    await stdin.WriteAsync(buffer.AsMemory(0, read));
                    left -= read;
                }
            }, null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The CID reference ipfs_cid is not on PATH: install it with apt-get install -y ipfs-cid", e);
        }

        using var json = JsonDocument.Parse(output);
        var v0 = json.RootElement.GetProperty("CIDv0").GetString()!;
        var v1 = json.RootElement.GetProperty("CIDv1").GetString()!;
        return (new ReferenceCid(Cid.Parse(v0).ToBytes(), v0, null), new ReferenceCid(Cid.Parse(v1).ToBytes(), v1, null));
    }

    private static async Task<string> RunAsync(string program, string[] args, Func<Stream, Task>? writeInput, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = writeInput is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (writeInput is not null)
        {
            await writeInput(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await stderr}");
    }

    private static string WriteInput()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-cid-input-{Guid.NewGuid():N}.bin");
        var stream = ChaCha20Keystream.FromSeed(Seed);
        var buffer = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 20);
        for (var left = InputLength; left > 0;)
        {
            var n = (int)Math.Min(buffer.Length, left);
            stream.Fill(buffer.AsSpan(0, n));
            file.Write(buffer, 0, n);
            left -= n;
        }

        return path;
    }
}
