using System.Net;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Platform;

[Collection(AzuriteCollection.Name)]
public sealed class GetHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_StorageUp_200WithEveryServiceReachable()
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health");
        var body = await GatewayApplication.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "table", "queue" })
        {
            Assert.True(body.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
        }
    }

    [Fact]
    public async Task Health_StorageDown_503WithRetryAfterAndReasons()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = UnreachableStorage.ConnectionString(),
            ["Gateway:Storage:MaxRetries"] = "0",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "table", "queue" })
        {
            var entry = body.GetProperty("storage").GetProperty(service);
            Assert.False(entry.GetProperty("reachable").GetBoolean(), service);
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("reason").GetString()));
        }
    }
}
