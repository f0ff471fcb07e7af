using System.Diagnostics;
using System.Text;

namespace FunctionsGateway.Testing;

/// <summary>
/// The deployment package: a project published as infra/README.md documents it — linux-x64, self-contained
/// (the Functions images carry no .NET runtime), ReadyToRun. For the handler the folder is the Functions app
/// root to zip: host.json, the generated function folders and the executable.
/// </summary>
public static class DeploymentPackage
{
    /// <summary>The runtime the Linux Functions workers run.</summary>
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary>The handler project.</summary>
    public static string HandlerProject => Path.Combine(RepositoryPaths.Root, "functions", "FunctionsGateway.Functions");

    /// <summary>The handler's executable name (the apphost host.json's defaultExecutablePath names).</summary>
    public const string HandlerExecutable = "FunctionsGateway.Functions";

    /// <summary>The documented command's arguments after <c>dotnet</c>: <c>publish PROJECT -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o OUTPUT</c>.</summary>
    public static IReadOnlyList<string> PublishArguments(string project, string output) =>
        ["publish", project, "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "-p:PublishReadyToRun=true", "-o", output];

    /// <summary>Runs the documented publish of <paramref name="project"/> into <paramref name="output"/>; throws with its output when it fails.</summary>
    public static async Task PublishAsync(string project, string output, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in PublishArguments(project, output))
        {
            start.ArgumentList.Add(argument);
        }

        // No MSBuild nodes or compiler server outlive this build (they would outlive the test run too), and
        // nothing of the calling build's MSBuild environment (dotnet test, dotnet run) leaks into it.
        start.ArgumentList.Add("--disable-build-servers");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(inherited);
        }

        var log = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{log}");
        }
    }

    /// <summary>The dotnet that runs this process when it is <c>dotnet</c> (tests), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
