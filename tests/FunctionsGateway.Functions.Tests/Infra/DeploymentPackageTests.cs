using System.Net;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using FunctionsGateway.Functions.Hosting;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FunctionsGateway.Functions.Tests.Infra;

/// <summary>
/// The folder the documented publish command produces is a Functions app root that runs on the Linux workers:
/// host.json, one folder per function, a self-contained ReadyToRun handler whose executable host.json names and
/// which starts under the launch contract (DESIGN.md §2, spec/azure.md §1.1, §1.8).
/// </summary>
public sealed class DeploymentPackageTests(PublishedPackage package, ITestOutputHelper output) : IClassFixture<PublishedPackage>
{
    [Fact]
    public async Task Publish_FunctionFolders_MatchTheFunctionManifestOneToOne()
    {
        output.WriteLine($"dotnet publish took {package.PublishTime.TotalSeconds:F0} s.");
        await using var app = new GatewayApplication(package.Azurite);
        var functions = FunctionManifest.Read([app.Services.GetRequiredService<EndpointDataSource>()]);

        var folders = Directory.EnumerateDirectories(package.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Every folder is a function folder: the write-functions run leaves nothing else behind.
        Assert.Equal(functions.Select(f => f.Name), folders);
        foreach (var function in functions)
        {
            Assert.Equal(FunctionJsonWriter.Serialize(function), await File.ReadAllBytesAsync(Path.Combine(package.Directory, function.Name, FunctionJsonWriter.FileName)));
        }
    }

    [Fact]
    public void Publish_HostJson_NamesAnExecutableInThePackage()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.Directory, "host.json")));
        var description = hostJson.RootElement.GetProperty("customHandler").GetProperty("description");
        var executable = description.GetProperty("defaultExecutablePath").GetString()!;

        // Relative and present, so the host makes it absolute against the app root (spec/azure.md §1.1).
        Assert.False(Path.IsPathRooted(executable));
        var path = Path.Combine(package.Directory, executable);
        Assert.True(File.Exists(path), $"host.json names {executable}, which the package does not hold.");
        Assert.Equal(DeploymentPackage.HandlerExecutable, executable);
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            Assert.True(mode.HasFlag(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute), $"{executable} is {mode}: not executable by all.");
        }
    }

    [Fact]
    public void Publish_Handler_SelfContainedReadyToRunWithoutBuildLeftovers()
    {
        // Self-contained: the runtime is in the package (the Functions images are runtime-deps only).
        Assert.True(File.Exists(Path.Combine(package.Directory, "libcoreclr.so")), "libcoreclr.so is missing: the package is not self-contained for linux-x64.");
        Assert.True(File.Exists(Path.Combine(package.Directory, "Microsoft.AspNetCore.dll")), "ASP.NET Core is not in the package.");
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.Directory, "FunctionsGateway.Functions.runtimeconfig.json")));
        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("includedFrameworks", out _), "runtimeconfig.json says framework-dependent.");

        // ReadyToRun: the gateway's own assemblies carry native code (a managed-native header).
        foreach (var assembly in new[] { "FunctionsGateway.Functions.dll", "FunctionsGateway.Core.dll" })
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(package.Directory, assembly)));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is not ReadyToRun.");
        }

        // Nothing that belongs to a developer machine.
        Assert.Empty(Directory.EnumerateFiles(package.Directory, "local.settings*.json"));
        Assert.Empty(Directory.EnumerateFiles(package.Directory, "FunctionsGateway.*.xml"));
    }

    [Fact]
    public async Task Publish_Executable_StartsUnderTheLaunchContractAndAnswersReadinessAndHealth()
    {
        var port = FreePorts.Next();
        var start = LaunchContract.StartInfo(Path.Combine(package.Directory, DeploymentPackage.HandlerExecutable), port, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = package.Azurite.ConnectionString,
            ["Gateway__Operator__Key"] = GatewayApplication.OperatorKey,
            ["Gateway__Storage__ResourcePrefix"] = AzuriteFixture.UniqueName("k"),
            // As the Functions host starts it: pushes arrive through the queue trigger, no poller runs.
            ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString(),
            ["FUNCTIONS_APP_ROOT_PATH"] = package.Directory,
        });
        using var handler = LaunchContract.Start(start);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await LaunchContract.WaitForOkAsync(http, handler, "/", TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(30));

            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            await LaunchContract.StopAsync(handler);
        }
    }
}
