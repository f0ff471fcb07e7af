using FunctionsGateway.Core.Storage.Emulator;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Storage.Emulator;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StartAsync_FreePorts_AllThreeServicesListen()
    {
        Assert.True(azurite.Azurite.IsRunning);
        Assert.True(await AzuriteProcess.IsListeningAsync(azurite.Azurite.Options.BlobPort));
        Assert.True(await AzuriteProcess.IsListeningAsync(azurite.Azurite.Options.QueuePort));
        Assert.True(await AzuriteProcess.IsListeningAsync(azurite.Azurite.Options.TablePort));
    }

    [Fact]
    public async Task StopAsync_ThenRestartAsync_ListensAgainOnTheSamePorts()
    {
        var location = Path.Combine(Path.GetTempPath(), "fg-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        await using var own = await AzuriteProcess.StartAsync(new AzuriteLaunchOptions
        {
            ToolDirectory = RepositoryPaths.AzuriteTool,
            Location = location,
            BlobPort = FreePorts.Next(),
            QueuePort = FreePorts.Next(),
            TablePort = FreePorts.Next(),
        });

        await own.StopAsync();
        Assert.False(await AzuriteProcess.IsListeningAsync(own.Options.BlobPort));

        await own.RestartAsync();
        Assert.True(await AzuriteProcess.IsListeningAsync(own.Options.BlobPort));
        Assert.Contains($"127.0.0.1:{own.Options.TablePort}", own.ConnectionString, StringComparison.Ordinal);
    }
}
