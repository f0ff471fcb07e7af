using System.Diagnostics;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Infra;

/// <summary>
/// The deployment package, published once per test run into a temporary folder with the documented command
/// (infra/README.md), and an Azurite of its own started meanwhile, so that the package tests run beside the
/// other Azurite tests instead of after them.
/// </summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    /// <summary>The package folder: what gets zipped.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "fg-package-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Storage for the started package.</summary>
    public AzuriteFixture Azurite { get; } = new();

    /// <summary>How long the publish took (it shares the machine with the Azurite start).</summary>
    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        var azurite = Azurite.InitializeAsync();
        var watch = Stopwatch.StartNew();
        await DeploymentPackage.PublishAsync(DeploymentPackage.HandlerProject, Directory);
        PublishTime = watch.Elapsed;
        await azurite;
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
