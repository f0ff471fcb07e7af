using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Ops;

/// <summary><c>PUT /ops/identities/{id}/quota</c> and <c>GET /ops/identities/{id}/usage</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UsageFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SetQuota_ThenGetUsage_QuotaAsSetNullsUnlimitedCountersZero()
    {
        await using var app = new GatewayApplication(azurite);
        var (_, id, _) = await app.CreateUserClientAsync();
        using var ops = app.CreateOperatorClient();

        var set = await GatewayApplication.ReadJsonAsync(await ops.PutAsync($"/ops/identities/{id}/quota", Json("""{"storedBytes":1000,"requests":5}""")));
        var read = await GatewayApplication.ReadJsonAsync(await ops.GetAsync($"/ops/identities/{id}/usage"));

        Assert.Equal(set.ToString(), read.ToString());
        Assert.Equal(id, read.GetProperty("identityId").GetString());
        var quota = read.GetProperty("quota");
        Assert.Equal(1000, quota.GetProperty("storedBytes").GetInt64());
        Assert.Equal(5, quota.GetProperty("requests").GetInt64());
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("pinnedBytes").ValueKind);
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("ingressBytes").ValueKind);
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("egressBytes").ValueKind);
        foreach (var counter in new[] { "storedBytes", "pinnedBytes", "ingressBytes", "egressBytes", "requests" })
        {
            Assert.Equal(0, read.GetProperty("usage").GetProperty(counter).GetInt64());
        }

        var now = DateTimeOffset.UtcNow;
        Assert.Equal(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero), read.GetProperty("periodStart").GetDateTimeOffset());
    }

    [Fact]
    public async Task SetQuota_AgainWithAnEmptyObject_EveryCapUnlimited()
    {
        await using var app = new GatewayApplication(azurite);
        var (_, id, _) = await app.CreateUserClientAsync();
        using var ops = app.CreateOperatorClient();
        await GatewayApplication.ReadJsonAsync(await ops.PutAsync($"/ops/identities/{id}/quota", Json("""{"egressBytes":7}""")));

        var cleared = await GatewayApplication.ReadJsonAsync(await ops.PutAsync($"/ops/identities/{id}/quota", Json("{}")));

        Assert.All(cleared.GetProperty("quota").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public async Task SetQuotaAndGetUsage_UnknownIdentity_404()
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();

        Assert.Equal("identity_not_found", await GatewayApplication.ReadErrorCodeAsync(await ops.PutAsync("/ops/identities/nobody/quota", Json("{}")), 404));
        Assert.Equal("identity_not_found", await GatewayApplication.ReadErrorCodeAsync(await ops.GetAsync("/ops/identities/nobody/usage"), 404));
    }

    [Theory]
    [InlineData("""{"storedBytes":-1}""", "invalid_quota")]
    [InlineData("""{"requests":"many"}""", "bad_request")]
    [InlineData("""[1]""", "bad_request")]
    [InlineData("null", "invalid_quota")]
    public async Task SetQuota_BadBody_400(string body, string code)
    {
        await using var app = new GatewayApplication(azurite);
        var (_, id, _) = await app.CreateUserClientAsync();
        using var ops = app.CreateOperatorClient();

        Assert.Equal(code, await GatewayApplication.ReadErrorCodeAsync(await ops.PutAsync($"/ops/identities/{id}/quota", Json(body)), 400));
    }

    [Fact]
    public async Task SetQuota_WithoutOperatorKey_401()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();

        using var response = await user.PutAsJsonAsync($"/ops/identities/{id}/quota", new { requests = 1_000_000 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
