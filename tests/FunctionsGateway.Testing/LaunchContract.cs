using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace FunctionsGateway.Testing;

/// <summary>
/// Starts a handler executable the way the Functions host does (DESIGN.md §2, spec/azure.md §1.2): in its app
/// root, with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and the app settings in the environment, in Production.
/// </summary>
public static class LaunchContract
{
    /// <summary>The start of <paramref name="executable"/> on <paramref name="port"/>; <paramref name="settings"/> are app settings.</summary>
    public static ProcessStartInfo StartInfo(string executable, int port, IEnumerable<KeyValuePair<string, string>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Starts the process and drains its output (a full pipe would block it).</summary>
    public static Process Start(ProcessStartInfo start)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Polls <c>GET <paramref name="path"/></c> every <paramref name="pollInterval"/> (the host polls <c>/</c> every
    /// 25 ms) until it answers 200; throws when the process exits or <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task WaitForOkAsync(HttpClient http, Process process, string path, TimeSpan pollInterval, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(process);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The handler exited with code {process.ExitCode} before GET {path} answered 200.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"GET {path} did not answer 200 within {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(pollInterval);
        }
    }

    /// <summary>Kills the process tree and waits for it to exit.</summary>
    public static async Task StopAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }
}
