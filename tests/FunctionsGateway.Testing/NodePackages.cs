using System.Diagnostics;

namespace FunctionsGateway.Testing;

/// <summary>Runs Node scripts of a peer folder (installed first with <see cref="Core.Tooling.NpmToolInstaller"/>).</summary>
public static class NodePackages
{
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
}
