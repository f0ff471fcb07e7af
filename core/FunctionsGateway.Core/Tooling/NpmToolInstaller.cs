using System.Diagnostics;

namespace FunctionsGateway.Core.Tooling;

/// <summary>
/// Installs a folder's pinned npm packages (<c>package.json</c> + <c>package-lock.json</c>) with
/// <c>npm ci --ignore-scripts</c> on first use, serialized across processes by a lock file. Used for the
/// emulators and reference peers the development start-up and the tests run (spec/test-peers.md).
/// </summary>
public static class NpmToolInstaller
{
    /// <summary>
    /// Runs <c>npm ci --ignore-scripts</c> in <paramref name="toolDirectory"/> unless <paramref name="markerFile"/> (relative to
    /// it) exists and a finished install of the current <c>package-lock.json</c> is recorded.
    /// </summary>
    public static async Task EnsureInstalledAsync(string toolDirectory, string markerFile, CancellationToken cancellationToken = default)
    {
        var marker = Path.Combine(toolDirectory, markerFile);
        if (IsInstalled(toolDirectory, marker))
        {
            return;
        }

        await using var gate = await AcquireInstallLockAsync(Path.Combine(toolDirectory, ".install.lock"), cancellationToken);
        if (IsInstalled(toolDirectory, marker))
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

        // Written last: another process (the other test assembly) may look while npm ci is still unpacking, when the
        // marker file may already exist but the tool does not run yet.
        Directory.CreateDirectory(Path.Combine(toolDirectory, "node_modules"));
        await File.WriteAllTextAsync(Path.Combine(toolDirectory, StampFile), LockFileHash(toolDirectory), cancellationToken);
    }

    // Inside node_modules, so that npm ci removes it first thing; it names the lock file it installed.
    private const string StampFile = "node_modules/.functionsgateway-installed";

    private static bool IsInstalled(string toolDirectory, string marker)
    {
        var stamp = Path.Combine(toolDirectory, StampFile);
        return File.Exists(marker) && File.Exists(stamp) && File.ReadAllText(stamp) == LockFileHash(toolDirectory);
    }

    private static string LockFileHash(string toolDirectory)
    {
        var lockFile = Path.Combine(toolDirectory, "package-lock.json");
        return File.Exists(lockFile) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(lockFile))) : "";
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
