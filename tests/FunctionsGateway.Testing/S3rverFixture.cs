using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.S3;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Core.Tooling;
using Xunit;

namespace FunctionsGateway.Testing;

/// <summary>
/// One real S3 server (npm <c>s3rver</c> 3.7.1, pinned in <c>tests/peers/s3</c> and installed with <c>npm ci</c> on
/// first use) per test collection, on a free loopback port with its data in a temporary folder, standing in for
/// MEFS's S3 gateway. It accepts the access key <c>S3RVER</c> (any other gets 403 <c>InvalidAccessKeyId</c>) and
/// does not check SigV4 signatures. <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and bring
/// it back on the same port and data. Fails with a message saying what is missing.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    /// <summary>The one key pair s3rver knows (its README; development only).</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    private static readonly string Script = Path.Combine("node_modules", "s3rver", "bin", "s3rver.js");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const int MaxLogLines = 2000;

    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    /// <summary>The port it listens on (fixed for the fixture's life, also across restarts).</summary>
    public int Port { get; private set; }

    /// <summary>Where it keeps buckets and objects.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "fg-s3rver-" + Guid.NewGuid().ToString("N")[..8]);

    public Uri Endpoint => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    /// <summary>
    /// The server's latest log lines (at most 2000), colours removed: one per request (<c>bucket/key 200 …</c>)
    /// and one per stored object or part (<c>Stored part 2 of {upload id} in bucket "…"</c>).
    /// </summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>The <c>Gateway:Mefs</c> settings that point the gateway at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Gateway:Mefs:Endpoint"] = Endpoint.ToString(),
        ["Gateway:Mefs:AccessKey"] = AccessKey,
        ["Gateway:Mefs:SecretKey"] = SecretKey,
    };

    /// <summary>A client of its own, built as the gateway builds its one, to look at what the gateway stored.</summary>
    public AmazonS3Client CreateClient(string accessKey = AccessKey) =>
        MefsS3ClientFactory.Create(new MefsOptions { Endpoint = Endpoint, AccessKey = accessKey, SecretKey = SecretKey, MaxRetries = 0 });

    public async Task InitializeAsync()
    {
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.S3Peer, Script);
            Port = FreePorts.Next();
            await StartAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "s3rver could not start: the tests need Node.js >= 20 and npm on PATH and the npm registry " +
                $"reachable for the first 'npm ci' in {RepositoryPaths.S3Peer}. {e.Message}", e);
        }
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> with the same data, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        _process = NodeServerProcess.Start(
            RepositoryPaths.S3Peer,
            [Script, "--address", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--directory", DataDirectory],
            Record);
        await NodeServerProcess.WaitUntilListeningAsync(_process, "s3rver", [Port], StartTimeout);
    }

    /// <summary>Stops the server; its data stays.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        await NodeServerProcess.StopAsync(process);
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting server; the temp folder is cleaned by the OS.
        }
    }

    private void Record(string line)
    {
        _log.Enqueue(Regex.Replace(line, "\u001b\\[[0-9;]*m", ""));
        while (_log.Count > MaxLogLines && _log.TryDequeue(out _))
        {
        }
    }
}
