using System.Diagnostics;
using FunctionsGateway.Core.Tooling;

namespace FunctionsGateway.Core.Storage.Emulator;

/// <summary>
/// A running Azurite (npm <c>azurite</c>, the real Azure Storage emulator) started from the repository's
/// pinned packages. Used by the development start-up and by the test fixtures; installs the packages with
/// <c>npm ci --ignore-scripts</c> on first use. Dispose stops it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The well-known development account (spec/azure.md §5.3).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development key; public, development only.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    private AzuriteProcess(AzuriteLaunchOptions options) => Options = options;

    public AzuriteLaunchOptions Options { get; }

    /// <summary>A Shared Key connection string for the three endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Options.BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{Options.QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{Options.TablePort}/{AccountName};";

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Installs the packages if needed, starts Azurite and waits until its three ports accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(AzuriteLaunchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await EnsureInstalledAsync(options.ToolDirectory, cancellationToken);
        var azurite = new AzuriteProcess(options);
        await azurite.RestartAsync(cancellationToken);
        return azurite;
    }

    /// <summary>Starts the process again (after <see cref="StopAsync"/>) on the same ports and data folder.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(Options.Location);
        var script = Path.Combine(Options.ToolDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");
        string[] arguments =
        [
            script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--location", Options.Location,
            "--blobHost", "127.0.0.1", "--blobPort", Options.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", Options.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", Options.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        _process = NodeServerProcess.Start(Options.ToolDirectory, arguments);
        await NodeServerProcess.WaitUntilListeningAsync(_process, "Azurite", [Options.BlobPort, Options.QueuePort, Options.TablePort], Options.StartTimeout, cancellationToken);
    }

    /// <summary>Stops the process (the data folder is kept).</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        await NodeServerProcess.StopAsync(process);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default) =>
        NodeServerProcess.IsListeningAsync(port, cancellationToken);

    /// <summary>Runs <c>npm ci --ignore-scripts</c> in the tool folder unless Azurite is installed; serialized across processes by a lock file.</summary>
    public static Task EnsureInstalledAsync(string toolDirectory, CancellationToken cancellationToken = default) =>
        NpmToolInstaller.EnsureInstalledAsync(toolDirectory, Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"), cancellationToken);
}
