using FunctionsGateway.Core.Storage;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageHealthCheckTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CheckAsync_Azurite_AllReachable()
    {
        await using var services = GatewayServices.Create(azurite);

        var report = await services.GetRequiredService<StorageHealthCheck>().CheckAsync();

        Assert.True(report.Healthy);
        Assert.Equal(["blob", "table", "queue"], report.Services.Select(s => s.Service));
    }

    [Fact]
    public async Task CheckAsync_NothingListening_UnhealthyWithReasonPerService()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = UnreachableStorage.ConnectionString(),
            ["Gateway:Storage:MaxRetries"] = "0",
        });

        var report = await services.GetRequiredService<StorageHealthCheck>().CheckAsync();

        Assert.False(report.Healthy);
        Assert.All(report.Services, s => Assert.False(s.Reachable));
        Assert.All(report.Services, s => Assert.Equal("no answer", s.Reason));
    }
}
