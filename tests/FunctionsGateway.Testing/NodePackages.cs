using System.Diagnostics;

namespace FunctionsGateway.Testing;

/// <summary>
/// Installs a folder's pinned npm packages (<c>npm ci --ignore-scripts</c> from its committed lock file, once,
/// serialized across test processes by a lock file) and runs Node scripts in it.
/// </summary>
public static class NodePackages
{
    /// <summary>Runs <c>npm ci</c> in <paramref name="directory"/> unless <paramref name="marker"/> (relative) exists.</summary>
    public static async Task EnsureInstalledAsync(string directory, string marker, CancellationToken cancellationToken = default)
    {
        var markerPath = Path.Combine(directory, marker);
        if (File.Exists(markerPath))
        {
            return;
        }

        await using var gate = await AcquireLockAsync(Path.Combine(directory, ".install.lock"), cancellationToken);
        if (File.Exists(markerPath))
        {
            return;
        }

        var (exitCode, stdout, stderr) = await RunAsync("npm", directory, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], null, TimeSpan.FromMinutes(5), cancellationToken);
        if (exitCode != 0 || !File.Exists(markerPath))
        {
            throw new InvalidOperationException(
                $"'npm ci' in {directory} failed ({exitCode}); the tests need Node.js >= 20 and npm on PATH and the npm registry reachable. {stderr}{stdout}");
        }
    }

    /// <summary>Runs <c>node script args…</c> in <paramref name="directory"/> with <paramref name="stdin"/>; throws unless it exits 0.</summary>
    public static async Task<string> RunNodeAsync(string directory, string script, IEnumerable<string> arguments, string? stdin, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (exitCode, stdout, stderr) = await RunAsync("node", directory, [script, .. arguments], stdin, timeout, cancellationToken);
        return exitCode == 0 ? stdout : throw new InvalidOperationException($"node {script} exited with {exitCode}: {stderr}");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string program, string directory, IEnumerable<string> arguments, string? stdin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{program}': the tests need Node.js >= 20 and npm on PATH. {e.Message}", e);
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), limit.Token);
            }

            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
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
