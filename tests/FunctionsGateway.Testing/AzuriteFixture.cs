using FunctionsGateway.Core.Storage.Emulator;
using Xunit;

namespace FunctionsGateway.Testing;

/// <summary>
/// One real Azurite per test collection, on free loopback ports, with its data in a temporary folder.
/// Installs the pinned npm package on first use. Tests isolate themselves with <see cref="UniqueName"/>
/// (a resource prefix for containers, tables and queues). Fails with a message saying what is missing.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The running emulator.</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A Shared Key connection string to it.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>A lowercase name, unique in this run, valid for containers, tables (letters and digits) and queues.</summary>
    public static string UniqueName(string prefix = "t") =>
        (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();

    public async Task InitializeAsync()
    {
        var location = Path.Combine(Path.GetTempPath(), "fg-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            _azurite = await AzuriteProcess.StartAsync(new AzuriteLaunchOptions
            {
                ToolDirectory = RepositoryPaths.AzuriteTool,
                Location = location,
                BlobPort = FreePorts.Next(),
                QueuePort = FreePorts.Next(),
                TablePort = FreePorts.Next(),
            });
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "Azurite could not start: the tests need Node.js >= 20 and npm on PATH and the npm registry " +
                $"reachable for the first 'npm ci' in {RepositoryPaths.AzuriteTool}. {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            try
            {
                Directory.Delete(_azurite.Options.Location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the exiting emulator; the temp folder is cleaned by the OS.
            }
        }
    }
}
