using System.Reflection;

namespace FunctionsGateway.Testing;

/// <summary>The handler project's own build output: the Functions app root the build writes (host.json, function folders, executable).</summary>
public static class HandlerBuildOutput
{
    /// <summary>functions/FunctionsGateway.Functions/bin/{Configuration}/net10.0 of the configuration these tests were built in.</summary>
    public static string Directory { get; } = Path.Combine(
        RepositoryPaths.Root, "functions", "FunctionsGateway.Functions", "bin",
        typeof(HandlerBuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0");

    /// <summary>The handler's executable (the apphost).</summary>
    public static string Executable => Path.Combine(Directory, OperatingSystem.IsWindows() ? "FunctionsGateway.Functions.exe" : "FunctionsGateway.Functions");
}
