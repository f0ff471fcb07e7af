using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Tests.Functions.Cess;
using FunctionsGateway.Functions.Tests.Functions.Gw3;
using FunctionsGateway.Functions.Tests.Functions.Memo;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>
/// Rate limits and quotas on <c>/cess</c>, <c>/memo</c> and <c>/gw3</c>: per identity on authenticated routes, per client
/// address on anonymous ones (login, captcha, signed upload URLs), each refusal in its original's envelope.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdmissionOnCompatibleSurfacesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CessAuth_Anonymous_LimitedPerClientAddress429ServerBusy()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings(new Dictionary<string, string?> { ["Gateway:RateLimits:Limits:CessAuth"] = "1" }));
        using var http = app.CreateClient();

        using var first = await SendFromAsync(http, "10.0.0.1", () => CessAuthRequest("first@example.com"));
        using var refused = await SendFromAsync(http, "10.0.0.1", () => CessAuthRequest("second@example.com"));
        using var otherAddress = await SendFromAsync(http, "10.0.0.2", () => CessAuthRequest("third@example.com"));

        await CessClient.ExpectAsync(first, 200, """{"code":200,"msg":"success"}""");
        await CessClient.ExpectAsync(refused, 429, """{"code":429,"msg":"server busy"}""");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("0", refused.Headers.GetValues("x-ratelimit-remaining").Single());
        await CessClient.ExpectAsync(otherAddress, 200, """{"code":200,"msg":"success"}""");
    }

    [Fact]
    public async Task Cess_Authenticated_LimitedPerIdentityAndQuota403SpaceInsufficient()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings(new Dictionary<string, string?> { ["Gateway:RateLimits:Limits:CessListFiles"] = "1" }));
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "quota@example.com");
        var identity = (await app.Services.GetRequiredService<IdentityStore>().FindByHandleAsync(CessUsers.HandleScheme, "quota@example.com"))!.Id;
        await QuotaEnforcementTests.SetQuotaAsync(app, identity, """{"storedBytes":100}""");

        using var listed = await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", token));
        using var limited = await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", token));
        using var overQuota = await CessClient.PutAsync(http, token, "big.bin", new byte[101]);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        await CessClient.ExpectAsync(limited, 429, """{"code":429,"msg":"server busy"}""");
        Assert.NotNull(limited.Headers.RetryAfter);
        await CessClient.ExpectAsync(overQuota, 403, """{"code":403,"msg":"The gateway account space is insufficient, please contact the administrator."}""");
        Assert.Empty(await QuotaEnforcementTests.RecordsAsync(app, identity));
        Assert.Empty(await QuotaEnforcementTests.StagedAsync(app, identity));
    }

    [Fact]
    public async Task MemoChallenge_Anonymous_LimitedPerClientAddress429InMemosEnvelope()
    {
        await using var app = new GatewayApplication(azurite, MemoSettings(new Dictionary<string, string?> { ["Gateway:RateLimits:Limits:MemoChallenge"] = "1" }));
        using var http = app.CreateClient();
        var wallet = new MemoWallet();

        using var first = await SendFromAsync(http, "10.0.0.1", () => MemoChallengeRequest(wallet));
        using var refused = await SendFromAsync(http, "10.0.0.1", () => MemoChallengeRequest(wallet));
        using var otherAddress = await SendFromAsync(http, "10.0.0.2", () => MemoChallengeRequest(wallet));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["Code", "Description", "HTTPStatusCode"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(429, body.GetProperty("HTTPStatusCode").GetInt32());
        Assert.Contains("Rate limit", body.GetProperty("Description").GetString(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Memo_Authenticated_LimitedPerIdentityAndQuota525SpaceNotEnough()
    {
        await using var app = new GatewayApplication(azurite, MemoSettings(new Dictionary<string, string?> { ["Gateway:RateLimits:Limits:MemoListObjects"] = "1" }));
        var wallet = new MemoWallet();
        using var client = await wallet.LoggedInClientAsync(app);
        var identity = (await app.Services.GetRequiredService<IdentityStore>().FindByHandleAsync("memo", wallet.Address.ToString()))!.Id;
        await QuotaEnforcementTests.SetQuotaAsync(app, identity, """{"storedBytes":10}""");

        using var listed = await client.GetAsync("/memo/ipfs/listobjects");
        using var limited = await client.GetAsync("/memo/ipfs/listobjects");
        using var overQuota = await client.PostAsync("/memo/ipfs/", FileForm(new byte[100], "big.bin"));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        var text = await overQuota.Content.ReadAsStringAsync();
        Assert.Equal(525, (int)overQuota.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("ControllerError", body.GetProperty("Code").GetString());
        Assert.StartsWith("Controller Error (space not enough, have 10, need ", body.GetProperty("Description").GetString(), StringComparison.Ordinal);
        Assert.Equal(525, body.GetProperty("HTTPStatusCode").GetInt32());
        Assert.Empty(await QuotaEnforcementTests.RecordsAsync(app, identity));
    }

    [Fact]
    public async Task Gw3_LimitedPerIdentityAndPerAddressOnUploadUrls_QuotaInItsEnvelope()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Limits:Gw3AccountStats"] = "1",
            ["Gateway:RateLimits:Limits:Gw3UploadNode"] = "1",
        });
        var (identity, _, key, secret) = await Gw3Client.IssueAsync(app);
        var client = new Gw3Client(app.CreateClient(), key, secret, Gw3AuthStyle.SignedSorted);
        await QuotaEnforcementTests.SetQuotaAsync(app, identity, """{"storedBytes":10}""");

        using var stats = await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/stats");
        using var limited = await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/stats");
        var url = await client.BeginAsync(HttpMethod.Post, "/gw3/ipfs/", [("size", "100")]);
        using var overQuota = await client.Http.PostAsync(url, new ByteArrayContent(new byte[100]));
        using var uploadLimited = await client.Http.PostAsync(url, new ByteArrayContent(new byte[100]));

        var data = (await Gw3Client.ReadOkAsync(stats)).GetProperty("data");
        Assert.Equal(0, data.GetProperty("ingress_limit").GetInt64()); // Only a stored-bytes quota: 0 = none.
        Assert.Contains("Rate limit", await Gw3Client.ReadErrorAsync(limited, 429), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("Quota exceeded: stored limit 10 bytes, 0 used, 100 more requested", await Gw3Client.ReadErrorAsync(overQuota, 409), StringComparison.Ordinal);
        Assert.Contains("Rate limit", await Gw3Client.ReadErrorAsync(uploadLimited, 429), StringComparison.Ordinal);
        Assert.Empty(await QuotaEnforcementTests.RecordsAsync(app, identity));
    }

    [Fact]
    public async Task Gw3AccountStats_IngressEgressAndLimits_FromUsageAndQuota()
    {
        await using var app = new GatewayApplication(azurite);
        var (identity, _, key, secret) = await Gw3Client.IssueAsync(app);
        var client = new Gw3Client(app.CreateClient(), key, secret, Gw3AuthStyle.SignedSorted);
        await QuotaEnforcementTests.SetQuotaAsync(app, identity, """{"ingressBytes":5000,"egressBytes":9000,"pinnedBytes":7000}""");

        await client.UploadAsync(new byte[1234]);
        var data = (await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/stats"))).GetProperty("data");
        var usage = await QuotaEnforcementTests.UsageAsync(app, identity);

        Assert.Equal((1234L, 5000L), (data.GetProperty("ingress").GetInt64(), data.GetProperty("ingress_limit").GetInt64()));
        Assert.Equal(9000, data.GetProperty("egress_limit").GetInt64());
        Assert.Equal(7000, data.GetProperty("pinned_bytes_limit").GetInt64());
        Assert.True(data.GetProperty("egress").GetInt64() > 0); // The answers so far (step one's URL, the upload's).
        Assert.True(QuotaEnforcementTests.Counter(usage, "egressBytes") > data.GetProperty("egress").GetInt64()); // Plus this answer.
    }

    private static Dictionary<string, string?> MemoSettings(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>(MemoGatewayFixture.BaseSettings)
        {
            ["Gateway:Memo:Storage:Fallback"] = "",
            ["Gateway:Memo:Storage:Ipfs"] = "local",
        };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return settings;
    }

    private static async Task<HttpResponseMessage> SendFromAsync(HttpClient http, string address, Func<HttpRequestMessage> build)
    {
        using var request = build();
        request.Headers.Add("X-Forwarded-For", address);
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync();
        }

        return await http.SendAsync(request);
    }

    private static HttpRequestMessage CessAuthRequest(string mailbox) =>
        new(HttpMethod.Post, "/cess/auth") { Content = new StringContent($$"""{"mailbox": "{{mailbox}}", "captcha": 0}""", System.Text.Encoding.UTF8, "application/json") };

    private static HttpRequestMessage MemoChallengeRequest(MemoWallet wallet)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/memo/challenge?address={wallet.Address}"));
        request.Headers.Add("Origin", MemoGatewayFixture.Origin);
        return request;
    }

    private static MultipartFormDataContent FileForm(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
