using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FunctionsGateway.Core.Storage.Emulator;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Benchmarks;

/// <summary>The real handler as a child process (the launch contract: <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>), and the Azurite it runs on, for the benchmarks that measure it end to end.</summary>
internal static class HandlerProcess
{
    /// <summary>Starts an Azurite of its own in a new temporary folder (the caller deletes <c>Options.Location</c> after disposing it).</summary>
    public static Task<AzuriteProcess> StartAzuriteAsync() =>
        AzuriteProcess.StartAsync(new AzuriteLaunchOptions
        {
            ToolDirectory = RepositoryPaths.AzuriteTool,
            Location = Path.Combine(Path.GetTempPath(), "fg-bench-" + Guid.NewGuid().ToString("N")[..8]),
            BlobPort = FreePorts.Next(),
            QueuePort = FreePorts.Next(),
            TablePort = FreePorts.Next(),
        });

    /// <summary>Starts the handler of this build's configuration on <paramref name="port"/> with Azurite and the given app settings.</summary>
    public static Process Start(int port, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var configuration = typeof(HandlerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(RepositoryPaths.Root, "functions", "FunctionsGateway.Functions", "bin", configuration, "net10.0", "FunctionsGateway.Functions.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the handler first ({dll} is missing).");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the handler answers <c>GET /</c>, at most 30 s.</summary>
    public static async Task WaitAsync(HttpClient http, Uri gateway)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var ping = await http.GetAsync(gateway);
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The handler did not answer GET / within 30 s.");
    }
}
