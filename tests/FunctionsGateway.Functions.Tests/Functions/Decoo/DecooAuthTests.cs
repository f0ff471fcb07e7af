using System.Net.Http.Headers;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Decoo;

/// <summary>The <c>/decoo</c> surface's API keys and access tokens: every way in refused, in Decoo's body, nothing stored.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecooAuthTests(AzuriteFixture azurite, SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    private const string Cid = "QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ";

    [Theory]
    [InlineData(null, "Authorization: Bearer <API key> is required")]
    [InlineData("Basic dXNlcjpwYXNz", "not a Decoo API key JWT")]
    [InlineData("Bearer ", "not a Decoo API key JWT")]
    [InlineData("Bearer not.a.jwt", "not a Decoo API key JWT")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJrZXkiOnsiYXBpX2tleSI6Im5vYm9keSIsInVzZXJfaWQiOiIxIn19.c2lnbmF0dXJl", "unknown API key")]
    public async Task CloudRoutes_MissingOrMalformedOrUnknownApiKey_401InvalidToken(string? authorization, string detail)
    {
        using var http = shared.App.CreateClient();
        foreach (var path in new[] { "/decoo/ping", "/decoo/endpoint/list", "/decoo/oauth/accessToken", "/decoo/pinning/pinList", "/decoo/pinning/pinJobs" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);

            Assert.Contains(detail, await DecooUser.ReadErrorAsync(response, 401, "Invalid token"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ping_ApiKeyResignedWithAnotherSecret_401()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var claims = Convert.FromBase64String(Base64Padded(user.ApiKey.Split('.')[1]));
        var forged = Hs256Jwt.Sign(claims, Encoding.UTF8.GetBytes(new string('x', 64)));
        using var http = shared.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await http.GetAsync("/decoo/ping");

        Assert.Contains("signature does not verify", await DecooUser.ReadErrorAsync(response, 401, "Invalid token"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedApiKey_401OnTheCloudAndItsAccessTokensEnd()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        using var ops = shared.App.CreateOperatorClient();

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await ops.DeleteAsync($"/ops/credentials/{user.CredentialId}")).StatusCode);
        using var cloud = user.Cloud(shared.App);
        var ping = await DecooUser.ReadErrorAsync(await cloud.GetAsync("/decoo/ping"), 401, "Invalid token");
        using var http = shared.App.CreateClient();
        var pin = await DecooUser.ReadErrorAsync(await DecooUser.PinByHashAsync(http, token, $$"""{"hashToPin":"{{Cid}}","secret":"{{await user.SecretAsync(Cid)}}"}"""), 401, "Invalid token");

        Assert.Equal("the API key has been revoked", ping);
        Assert.Equal("the API key of the access token has been revoked", pin);
    }

    [Theory]
    [InlineData(null, "the UserAccessToken header is required")]
    [InlineData("short", "the access token is malformed")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "unknown access token")]
    public async Task EndpointRoutes_MissingMalformedOrUnknownAccessToken_401AndNothingStored(string? token, string detail)
    {
        var user = await DecooUser.CreateAsync(shared.App);
        using var http = shared.App.CreateClient();
        var secret = await user.SecretAsync(Cid);

        var byHash = await DecooUser.ReadErrorAsync(await DecooUser.PinByHashAsync(http, token, $$"""{"hashToPin":"{{Cid}}","secret":"{{secret}}"}"""), 401, "Invalid token");
        var file = await DecooUser.ReadErrorAsync(await DecooUser.PinFileAsync(http, token, DecooUser.PinFileForm("x"u8.ToArray(), Cid, secret)), 401, "Invalid token");

        Assert.Equal(detail, byHash);
        Assert.Equal(detail, file);
        await user.AssertNothingStoredAsync(shared.App);
    }

    [Fact]
    public async Task EndpointRoutes_AccessTokenAfterTwoHours_401ExpiredAndNothingStored()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new GatewayApplication(azurite, services: s => s.AddSingleton<TimeProvider>(clock));
        var user = await DecooUser.CreateAsync(app);
        var token = await user.AccessTokenAsync(app);
        using var http = app.CreateClient();
        var secret = await user.SecretAsync(Cid);

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        using var stillValid = await DecooUser.PinFileAsync(http, token, DecooUser.PinFileForm("x"u8.ToArray(), null, null));
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await DecooUser.ReadErrorAsync(await DecooUser.PinByHashAsync(http, token, $$"""{"hashToPin":"{{Cid}}","secret":"{{secret}}"}"""), 401, "Invalid token");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, stillValid.StatusCode); // Past auth: it only lacks its fields.
        Assert.Equal("the access token has expired", expired);
        await user.AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task AccessToken_OnCloudRoutes_NotAnApiKey401()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync("/decoo/ping");

        Assert.Equal("the API key is not a Decoo API key JWT", await DecooUser.ReadErrorAsync(response, 401, "Invalid token"));
    }

    private static string Base64Padded(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}
