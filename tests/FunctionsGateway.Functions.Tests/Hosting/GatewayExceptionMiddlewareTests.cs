using System.Net;
using System.Net.Http.Json;
using System.Text;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task IpfsNodeDown_FileServedFromIt_503BackendUnavailableWithRetryAfter()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Ipfs:ApiUrl"] = "http://127.0.0.1:" + FreePorts.Next(),
            ["Gateway:Ipfs:MaxRetries"] = "0",
            ["Gateway:Uploads:PushWorker"] = "Off",
        });
        var (client, identity, _) = await app.CreateUserClientAsync();
        var id = (await GatewayApplication.ReadJsonAsync(await client.PutAsync("/v1/files/a.bin?backend=ipfs", new ByteArrayContent([1, 2, 3])))).GetProperty("id").GetString()!;
        var files = app.Services.GetRequiredService<FileIndex>();
        var record = await files.GetAsync(identity, id);
        await files.TryUpdateAsync(record! with { State = FileState.Stored, BackendRef = record.Cid });

        using var response = await client.GetAsync($"/v1/files/{id}");

        Assert.Equal("backend_unavailable", await GatewayApplication.ReadErrorCodeAsync(response, 503));
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
