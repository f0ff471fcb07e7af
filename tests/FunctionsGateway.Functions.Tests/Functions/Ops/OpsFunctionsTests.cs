using System.Net;
using System.Net.Http.Json;
using System.Text;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Ops;

[Collection(AzuriteCollection.Name)]
public sealed class OpsFunctionsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("GET", "/ops/identities")]
    [InlineData("POST", "/ops/identities")]
    [InlineData("POST", "/ops/identities/0123456789abcdef0123456789abcdef/tokens")]
    [InlineData("DELETE", "/ops/credentials/0123456789abcdef0123456789abcdef")]
    public async Task AnyRoute_MissingOrWrongKey_401(string method, string path)
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();

        using var missing = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var wrong = new HttpRequestMessage(new HttpMethod(method), path);
        wrong.Headers.Add("X-Operator-Key", "not-the-operator-key");
        using var wrongResponse = await client.SendAsync(wrong);

        Assert.Equal("unauthorized", await GatewayApplication.ReadErrorCodeAsync(missing, 401));
        Assert.Equal("unauthorized", await GatewayApplication.ReadErrorCodeAsync(wrongResponse, 401));
    }

    [Fact]
    public async Task CreateIdentity_ThenList_Listed()
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();

        using var created = await ops.PostAsJsonAsync("/ops/identities", new { name = "Alice" });
        var body = await GatewayApplication.ReadJsonAsync(created);
        var list = await GatewayApplication.ReadJsonAsync(await ops.GetAsync("/ops/identities"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Alice", body.GetProperty("name").GetString());
        var id = body.GetProperty("id").GetString();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("name").GetString() == "Alice");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\":\"\"}")]
    [InlineData("{\"name\":\"   \"}")]
    [InlineData("{\"name\":\"a\\u0000b\"}")]
    public async Task CreateIdentity_BadName_400(string json)
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();
        using var response = await ops.PostAsync("/ops/identities", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal("invalid_name", await GatewayApplication.ReadErrorCodeAsync(response, 400));
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("{\"name\":42}")]
    [InlineData("[1,2]")]
    public async Task CreateIdentity_MalformedJson_400(string json)
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();
        using var response = await ops.PostAsync("/ops/identities", new StringContent(json, Encoding.UTF8, "application/json"));
        await GatewayApplication.ReadErrorCodeAsync(response, 400);
    }

    [Fact]
    public async Task IssueToken_UnknownIdentity_404()
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();
        using var response = await ops.PostAsync("/ops/identities/0123456789abcdef0123456789abcdef/tokens", null);
        Assert.Equal("identity_not_found", await GatewayApplication.ReadErrorCodeAsync(response, 404));
    }

    [Fact]
    public async Task RevokeCredential_IssuedToken_TokenRefusedAfterwards()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, _, credentialId) = await app.CreateUserClientAsync();
        using var ops = app.CreateOperatorClient();
        using (user)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/v1/files")).StatusCode);

            using var revoked = await ops.DeleteAsync($"/ops/credentials/{credentialId}");
            using var again = await ops.DeleteAsync($"/ops/credentials/{Guid.NewGuid():N}");
            using var refused = await user.GetAsync("/v1/files");

            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            Assert.Equal("credential_not_found", await GatewayApplication.ReadErrorCodeAsync(again, 404));
            Assert.Equal("unauthorized", await GatewayApplication.ReadErrorCodeAsync(refused, 401));
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.ToString());
        }
    }
}
