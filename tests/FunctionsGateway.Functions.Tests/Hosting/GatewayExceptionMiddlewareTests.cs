using System.Net;
using System.Net.Http.Json;
using System.Text;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class GatewayExceptionMiddlewareTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UnknownRoute_404WithEnvelope()
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();
        Assert.Equal("not_found", await GatewayApplication.ReadErrorCodeAsync(await client.GetAsync("/no/such/route"), 404));
    }

    [Fact]
    public async Task WrongMethod_405WithEnvelope()
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();
        Assert.Equal("method_not_allowed", await GatewayApplication.ReadErrorCodeAsync(await client.PatchAsync("/health", null), 405));
    }

    [Fact]
    public async Task MalformedJson_400WithEnvelopeAndNoStackTrace()
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();

        using var response = await ops.PostAsync("/ops/identities", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        Assert.Equal("bad_request", await GatewayApplication.ReadErrorCodeAsync(response, 400));
        Assert.DoesNotContain(" at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageDown_503WithRetryAfterAndNothingStored()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = UnreachableStorage.ConnectionString(),
            ["Gateway:Storage:MaxRetries"] = "0",
            ["Gateway:Uploads:PushWorker"] = "Off",
        });
        using var ops = app.CreateOperatorClient();

        using var response = await ops.PostAsJsonAsync("/ops/identities", new { name = "x" });

        Assert.Equal("storage_unavailable", await GatewayApplication.ReadErrorCodeAsync(response, 503));
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
