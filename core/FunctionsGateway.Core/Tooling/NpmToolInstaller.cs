using System.Diagnostics;

namespace FunctionsGateway.Core.Tooling;

/// <summary>
/// Installs a folder's pinned npm packages (<c>package.json</c> + <c>package-lock.json</c>) with
/// <c>npm ci --ignore-scripts</c> on first use, serialized across processes by a lock file. Used for the
/// emulators and reference peers the development start-up and the tests run (spec/test-peers.md).
/// </summary>
public static class NpmToolInstaller
{
    /// <summary>Runs <c>npm ci --ignore-scripts</c> in <paramref name="toolDirectory"/> unless <paramref name="markerFile"/> (relative to it) exists.</summary>
    public static async Task EnsureInstalledAsync(string toolDirectory, string markerFile, CancellationToken cancellationToken = default)
    {
        var marker = Path.Combine(toolDirectory, markerFile);
        if (File.Exists(marker))
        {
            return;
        }

        await using var gate = await AcquireInstallLockAsync(Path.Combine(toolDirectory, ".install.lock"), cancellationToken);
        if (File.Exists(marker))
        {
            return;
        }

        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm; is Node.js ≥ 20 on PATH?");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(marker))
        {
            throw new InvalidOperationException($"npm ci in {toolDirectory} failed ({npm.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
