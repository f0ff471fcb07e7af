using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FunctionsGateway.Core.Tooling;
using Xunit;

namespace FunctionsGateway.Testing;

/// <summary>
/// The real tus client, npm <c>tus-js-client</c> (its Node build, over <c>node:http</c>), pinned in
/// <c>tests/peers/tus</c> and installed with <c>npm ci --ignore-scripts</c> on first use. <see cref="UploadAsync"/>
/// runs <c>tests/peers/tus/upload.js</c> once. Fails with a message saying what is missing.
/// </summary>
public sealed class TusJsClientFixture : IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private bool _installed;

    public async Task InitializeAsync()
    {
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.TusPeer, Path.Combine("node_modules", "tus-js-client", "package.json"));
            _installed = true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "tus-js-client could not be installed: the tests need Node.js >= 20 and npm on PATH and the npm registry " +
                $"reachable for the first 'npm ci' in {RepositoryPaths.TusPeer}. {e.Message}", e);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Uploads <paramref name="file"/> to the tus endpoint in chunks; with <paramref name="abortAfter"/> the client
    /// aborts once that many bytes are sent, and with <paramref name="uploadUrl"/> it resumes that upload.
    /// Returns the script's JSON line (<c>uploadUrl</c>, and <c>fileId</c> or <c>aborted</c>).
    /// </summary>
    public async Task<JsonElement> UploadAsync(Uri endpoint, string file, string token, int chunkSize, long? abortAfter = null, string? uploadUrl = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!_installed)
        {
            throw new InvalidOperationException("The fixture has not installed tus-js-client.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.TusPeer,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var args = new List<string>
        {
            "upload.js", "--endpoint", endpoint.AbsoluteUri, "--file", file, "--token", token,
            "--chunk-size", chunkSize.ToString(CultureInfo.InvariantCulture),
        };
        if (abortAfter is { } bytes)
        {
            args.AddRange(["--abort-after", bytes.ToString(CultureInfo.InvariantCulture)]);
        }

        if (uploadUrl is not null)
        {
            args.AddRange(["--upload-url", uploadUrl]);
        }

        args.ForEach(start.ArgumentList.Add);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node; is Node.js ≥ 20 on PATH?");
        using var timeout = new CancellationTokenSource(RunTimeout);
        var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"upload.js did not finish within {RunTimeout}.");
        }

        var output = (await stdout).Trim();
        if (node.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"upload.js failed ({node.ExitCode}): {await stderr}{output}");
        }

        return JsonDocument.Parse(output.Split('\n')[^1]).RootElement.Clone();
    }
}
