using System.Net;
using System.Text.Json;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>Rate limits on the other surfaces: off unless configured, and a 429 in each surface's own error body.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdmissionFilterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FilesAndKubo_NoLimitConfigured_NoRateLimitHeaders()
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();

        using var files = await client.GetAsync("/v1/files");
        using var kubo = await KuboRpc.PostAsync(client, "pin/ls");

        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.False(files.Headers.Contains("x-ratelimit-limit"));
        Assert.False(kubo.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task FilesAndKubo_OverTheirLimits_429InTheGatewaysAndKubosBodies()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Limits:files"] = "1",
            ["Gateway:RateLimits:Limits:KuboPinLs"] = "1",
        });
        var (client, _, _) = await app.CreateUserClientAsync();

        using var filesOk = await client.GetAsync("/v1/files");
        using var filesRefused = await client.GetAsync("/v1/files");
        using var kuboOk = await KuboRpc.PostAsync(client, "pin/ls");
        using var kuboRefused = await KuboRpc.PostAsync(client, "pin/ls");
        using var kuboOtherCommand = await KuboRpc.PostAsync(client, "pin/ls?type=direct");

        Assert.Equal(HttpStatusCode.OK, filesOk.StatusCode);
        Assert.Equal("0", filesOk.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal("rate_limited", await GatewayApplication.ReadErrorCodeAsync(filesRefused, 429));
        Assert.NotNull(filesRefused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, kuboOk.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, kuboRefused.StatusCode);
        var kuboError = JsonDocument.Parse(await kuboRefused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("error", kuboError.GetProperty("Type").GetString());
        Assert.Contains("Rate limit", kuboError.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(kuboRefused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, kuboOtherCommand.StatusCode);
    }
}
