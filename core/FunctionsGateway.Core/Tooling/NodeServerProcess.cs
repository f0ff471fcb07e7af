using System.Diagnostics;
using System.Net.Sockets;

namespace FunctionsGateway.Core.Tooling;

/// <summary>
/// Starts and stops the local servers that the development start-up and the tests run from pinned npm packages
/// (Azurite, s3rver, …): a <c>node</c> process whose output is always drained, which counts as up once its ports
/// accept connections.
/// </summary>
public static class NodeServerProcess
{
    /// <summary>Runs <c>node arguments…</c> in <paramref name="workingDirectory"/>; each output line goes to <paramref name="onOutput"/>, if given.</summary>
    public static Process Start(string workingDirectory, IEnumerable<string> arguments, Action<string>? onOutput = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node; is Node.js >= 20 on PATH?");
        // Drain the pipes so that a chatty server never blocks on a full buffer.
        process.OutputDataReceived += (_, line) => Forward(line.Data, onOutput);
        process.ErrorDataReceived += (_, line) => Forward(line.Data, onOutput);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits until every port accepts connections on 127.0.0.1. Throws <see cref="InvalidOperationException"/> when
    /// the process exits first, and kills it and throws <see cref="TimeoutException"/> when <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task WaitUntilListeningAsync(Process process, string name, IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(ports);
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (!await IsListeningAsync(port, cancellationToken))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before port {port} answered (is the port taken?).");
                }

                if (DateTime.UtcNow > deadline)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                    throw new TimeoutException($"{name} did not listen on port {port} within {timeout}.");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Kills the process and its children, waits for the exit and releases it; nothing to do for null.</summary>
    public static async Task StopAsync(Process? process)
    {
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void Forward(string? line, Action<string>? onOutput)
    {
        if (line is not null)
        {
            onOutput?.Invoke(line);
        }
    }
}
