using System.Net;
using System.Net.Http.Json;
using System.Text;
using FunctionsGateway.Functions.Tests.Functions.Decoo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Ops;

/// <summary>The operator routes of the Decoo surface: <c>decoo-keys</c> and <c>rsa-key</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecooOpsTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    private const string Cid = "QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ";

    [Fact]
    public async Task IssueDecooKey_Jwt_HasTheApiKeyClaimsAndNoSecret()
    {
        var user = await DecooUser.CreateAsync(shared.App, registerKey: false);
        var parts = user.ApiKey.Split('.');
        var claims = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].PadRight(parts[1].Length + ((4 - (parts[1].Length % 4)) % 4), '=')));

        Assert.Equal(3, parts.Length);
        Assert.Equal("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", parts[0]);
        Assert.Matches($$"""^\{"key":\{"api_key":"[A-Za-z0-9]{32}","user_id":"{{user.IdentityId}}"\}\}$""", claims);
    }

    [Fact]
    public async Task SetRsaKey_Pkcs1Pem_204AndSecretsVerify()
    {
        var keys = await DecooSdkReference.GenerateKeyPairAsync();
        var user = await DecooUser.CreateAsync(shared.App, registerKey: false, keys: keys);
        using var ops = shared.App.CreateOperatorClient();
        using var registered = await ops.PutAsync($"/ops/identities/{user.IdentityId}/rsa-key", new StringContent(keys.Pkcs1Pem, Encoding.ASCII, "text/plain"));
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();

        using var pinned = await DecooUser.PinByHashAsync(http, token, $$"""{"hashToPin":"{{Cid}}","secret":"{{await user.SecretAsync(Cid)}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        Assert.Equal("queued", (await GatewayApplication.ReadJsonAsync(pinned)).GetProperty("JobStatus").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")]
    [InlineData("private")]
    public async Task SetRsaKey_NotAnRsaPublicKey_400InvalidRsaKeyAndNothingStored(string pem)
    {
        var keys = await DecooSdkReference.GenerateKeyPairAsync();
        var user = await DecooUser.CreateAsync(shared.App, registerKey: false, keys: keys);
        using var ops = shared.App.CreateOperatorClient();

        using var response = await ops.PutAsync($"/ops/identities/{user.IdentityId}/rsa-key", new StringContent(pem == "private" ? keys.PrivateKeyPem : pem, Encoding.ASCII, "text/plain"));
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();
        using var pin = await DecooUser.PinByHashAsync(http, token, $$"""{"hashToPin":"{{Cid}}","secret":"{{await user.SecretAsync(Cid)}}"}""");

        Assert.Equal("invalid_rsa_key", await GatewayApplication.ReadErrorCodeAsync(response, 400));
        Assert.Equal(HttpStatusCode.Forbidden, pin.StatusCode);
    }

    [Fact]
    public async Task DecooRoutes_UnknownIdentity_404()
    {
        using var ops = shared.App.CreateOperatorClient();
        var id = Guid.NewGuid().ToString("N");

        using var key = await ops.PostAsync($"/ops/identities/{id}/decoo-keys", null);
        using var rsa = await ops.PutAsync($"/ops/identities/{id}/rsa-key", new StringContent("x"));
        using var noOperator = await shared.App.CreateClient().PostAsJsonAsync($"/ops/identities/{id}/decoo-keys", new { });

        Assert.Equal("identity_not_found", await GatewayApplication.ReadErrorCodeAsync(key, 404));
        Assert.Equal("identity_not_found", await GatewayApplication.ReadErrorCodeAsync(rsa, 404));
        Assert.Equal(HttpStatusCode.Unauthorized, noOperator.StatusCode);
    }
}
