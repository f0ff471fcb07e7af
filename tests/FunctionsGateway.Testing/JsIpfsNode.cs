using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionsGateway.Core.Tooling;

namespace FunctionsGateway.Testing;

/// <summary>
/// A real IPFS node: js-ipfs 0.66.1 (npm <c>ipfs</c>, pinned in <c>tests/peers/ipfs</c>), started as spec/test-peers.md
/// says: Node 20 with the <c>Promise.withResolvers</c> polyfill preloaded (<c>NODE_OPTIONS=--require …</c>),
/// <c>jsipfs init --profile test</c>, no swarm, bootstrap, delegates, MDNS or WebRTC star, then
/// <c>jsipfs daemon --offline</c>; the RPC port is read from its log line. It can be stopped and started again on the
/// same port and repository (pins survive). Dispose stops it and deletes the repository.
/// </summary>
public sealed partial class JsIpfsNode : IAsyncDisposable
{
    /// <summary>How long init and each daemon start may take (js-ipfs loads ~1000 packages; busy machines are slow).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly string _toolDirectory;
    private readonly StringBuilder _log = new();
    private Process? _daemon;

    private JsIpfsNode(string toolDirectory, string repository)
    {
        _toolDirectory = toolDirectory;
        Repository = repository;
    }

    /// <summary>The node's repository (<c>IPFS_PATH</c>).</summary>
    public string Repository { get; }

    /// <summary>The RPC API's port on 127.0.0.1.</summary>
    public int ApiPort { get; private set; }

    /// <summary>The RPC API's base URL, e.g. <c>http://127.0.0.1:43121</c>.</summary>
    public string ApiUrl => "http://127.0.0.1:" + ApiPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>True while the daemon runs.</summary>
    public bool IsRunning => _daemon is { HasExited: false };

    /// <summary>Installs the pinned packages if needed, initialises a repository in <paramref name="repository"/> and starts the daemon.</summary>
    public static async Task<JsIpfsNode> StartAsync(string toolDirectory, string repository, CancellationToken cancellationToken = default)
    {
        await NpmToolInstaller.EnsureInstalledAsync(toolDirectory, Path.Combine("node_modules", "ipfs", "src", "cli.js"), cancellationToken);
        var node = new JsIpfsNode(toolDirectory, repository);
        try
        {
            await node.InitAsync(cancellationToken);
            await node.StartDaemonAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the daemon (as a crash would: the process is killed); the repository is kept.</summary>
    public async Task StopAsync()
    {
        var daemon = _daemon;
        _daemon = null;
        if (daemon is null)
        {
            return;
        }

        using (daemon)
        {
            if (!daemon.HasExited)
            {
                daemon.Kill(entireProcessTree: true);
                await daemon.WaitForExitAsync();
            }
        }

        // A killed daemon leaves its repository lock and API file behind; the next start would refuse the lock.
        DeleteIfExists(Path.Combine(Repository, "repo.lock"));
        DeleteIfExists(Path.Combine(Repository, "api"));
    }

    /// <summary>Starts the daemon again after <see cref="StopAsync"/>, on the same port and repository.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var port = ApiPort;
        EditConfig(config => config["Addresses"]!["API"] = $"/ip4/127.0.0.1/tcp/{port}");
        await StartDaemonAsync(cancellationToken);
        if (ApiPort != port)
        {
            throw new InvalidOperationException($"js-ipfs restarted on port {ApiPort}, not {port}.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Repository, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created (init failed early).
        }
        catch (IOException)
        {
            // A file still held by the exiting node; the temp folder is cleaned by the OS.
        }
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        using var init = Process.Start(CreateStartInfo("init", "--profile", "test"))
            ?? throw new InvalidOperationException("Could not start node for jsipfs init; is Node.js >= 20 on PATH?");
        var stdout = init.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = init.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        await init.WaitForExitAsync(timeout.Token);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"jsipfs init --profile test failed ({init.ExitCode}): {await stderr}{await stdout}");
        }

        // spec/test-peers.md: an offline node with nothing to dial. The gRPC API has a fixed port in the test
        // profile (5003); a random one lets two nodes run at once.
        EditConfig(config =>
        {
            var addresses = config["Addresses"]!;
            addresses["Swarm"] = new JsonArray();
            addresses["Delegates"] = new JsonArray();
            addresses["RPC"] = "/ip4/127.0.0.1/tcp/0";
            config["Bootstrap"] = new JsonArray();
            config["Discovery"]!["MDNS"]!["Enabled"] = false;
            config["Discovery"]!["webRTCStar"]!["Enabled"] = false;
        });
    }

    private async Task StartDaemonAsync(CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var daemon = Process.Start(CreateStartInfo("daemon", "--offline"))
            ?? throw new InvalidOperationException("Could not start node for jsipfs daemon; is Node.js >= 20 on PATH?");
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_log)
            {
                if (_log.Length < 64 * 1024)
                {
                    _log.AppendLine(e.Data);
                }
            }

            if (ApiListening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }
        }

        daemon.OutputDataReceived += OnLine;
        daemon.ErrorDataReceived += OnLine;
        daemon.EnableRaisingEvents = true;
        daemon.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"jsipfs daemon exited before its API listened:{Environment.NewLine}{Log()}"));
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        _daemon = daemon;

        try
        {
            ApiPort = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch (TimeoutException e)
        {
            await StopAsync();
            throw new TimeoutException($"jsipfs daemon did not report its API within {StartTimeout}:{Environment.NewLine}{Log()}", e);
        }
    }

    private ProcessStartInfo CreateStartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(_toolDirectory, "node_modules", "ipfs", "src", "cli.js"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["IPFS_PATH"] = Repository;
        start.Environment["NODE_OPTIONS"] = "--require " + Path.Combine(_toolDirectory, "polyfill.cjs");
        start.Environment.Remove("DEBUG");
        return start;
    }

    private void EditConfig(Action<JsonNode> edit)
    {
        var path = Path.Combine(Repository, "config");
        var config = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        edit(config);
        File.WriteAllText(path, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"HTTP API listening on /ip4/127\.0\.0\.1/tcp/(\d+)/http")]
    private static partial Regex ApiListening();
}
