using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Decoo;

/// <summary>The <c>/decoo</c> surface end to end on Azurite: cloud routes, pinFile, pinByHash, pinList and pinJobs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecooFunctionsTests(AzuriteFixture azurite, SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>, IDisposable
{
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Ping_ValidApiKey_SuccessTrue()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        using var cloud = user.Cloud(shared.App);

        using var response = await cloud.GetAsync("/decoo/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"Success":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccessToken_CommonResponseEnvelope_43CharactersStoredHashed()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        using var cloud = user.Cloud(shared.App);

        var envelope = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/oauth/accessToken"));
        var token = envelope.GetProperty("Data").GetString()!;
        var credentials = shared.App.Services.GetRequiredService<Core.Accounts.CredentialStore>();
        var stored = await credentials.FindAsync(Core.Accounts.CredentialKinds.DecooAccessToken, Core.Accounts.SecretHasher.Hash(token));

        Assert.Equal(200, envelope.GetProperty("Code").GetInt32());
        Assert.Equal("Success", envelope.GetProperty("Msg").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotNull(stored);
        Assert.Equal(user.IdentityId, stored.IdentityId);
        Assert.InRange(stored.ExpiresAt!.Value - stored.CreatedAt, TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(2));
        Assert.DoesNotContain(token, string.Join(",", stored.Properties.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinFile_SecretAndCidOfTheFile_PinHashRecordedAndJobPinned()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        var bytes = RandomNumberGenerator.GetBytes(700_000);
        var path = await TempFileAsync(bytes);
        var cid = (string)(await DecooSdkReference.RunOneAsync("cid", new JsonObject { ["path"] = path }))!;
        var secret = await user.SecretAsync(cid);
        using var http = shared.App.CreateClient();

        using var response = await DecooUser.PinFileAsync(http, token, DecooUser.PinFileForm(bytes, cid, secret, """{"name":"My File"}"""));
        var pinned = await GatewayApplication.ReadJsonAsync(response);
        var jobs = await GatewayApplication.ReadJsonAsync(await user.Cloud(shared.App).GetAsync("/decoo/pinning/pinJobs"));
        var job = await user.WaitForJobAsync(shared.App, jobs.GetProperty("Jobs")[0].GetProperty("Id").GetString()!, "pinned");
        var list = await GatewayApplication.ReadJsonAsync(await user.Cloud(shared.App).GetAsync("/decoo/pinning/pinList"));
        using var read = await http.GetAsync($"/ipfs/{cid}");

        Assert.StartsWith("Qm", cid, StringComparison.Ordinal);
        Assert.Equal(cid, pinned.GetProperty("PinHash").GetString());
        Assert.True(pinned.GetProperty("PinSize").GetInt64() > bytes.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", pinned.GetProperty("PinDate").GetString());
        Assert.Equal(cid, job.GetProperty("PinHash").GetString());
        var pin = Assert.Single(list.GetProperty("Pins").EnumerateArray());
        Assert.Equal((cid, "My File"), (pin.GetProperty("PinHash").GetString(), pin.GetProperty("Metadata").GetProperty("name").GetString()));
        Assert.Equal(pinned.GetProperty("PinSize").GetInt64(), pin.GetProperty("PinSize").GetInt64());
        Assert.Equal(bytes, await read.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("short-padding", "shorter than 8 bytes")]
    [InlineData("malformed-padding", "padding is malformed")]
    [InlineData("trailing-bytes", "not this CID signed")]
    [InlineData("wrong-key", "secret does not verify: it")] // "it is not below the modulus" or "its padding is malformed": either, by the keys
    [InlineData("cid-mismatch", "is not the CID of the file")]
    [InlineData("not-a-cid", "is not a CID")]
    [InlineData("no-secret", "secret is required")]
    [InlineData("secret-not-base64", "secret is not base64")]
    [InlineData("no-cid", "cid is required")]
    public async Task PinFile_BadSecretOrCid_400AndNothingStored(string flaw, string detail)
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        var bytes = Encoding.UTF8.GetBytes("pin me if you can " + flaw);
        var cid = (string)(await DecooSdkReference.RunOneAsync("cid", new JsonObject { ["path"] = await TempFileAsync(bytes) }))!;
        var otherCid = (string)(await DecooSdkReference.RunOneAsync("cid", new JsonObject { ["path"] = await TempFileAsync("other"u8.ToArray()) }))!;
        var cidBytes = Encoding.UTF8.GetBytes(cid);
        var (field, secret) = flaw switch
        {
            "short-padding" => (cid, await user.RawSecretAsync([0, 1, .. Enumerable.Repeat((byte)0xFF, 7), 0, .. new byte[128 - 10 - cidBytes.Length], .. cidBytes])),
            "malformed-padding" => (cid, await user.RawSecretAsync([0, 2, .. Enumerable.Repeat((byte)0xFF, 128 - 3 - cidBytes.Length), 0, .. cidBytes])),
            "trailing-bytes" => (cid, await user.RawSecretAsync([0, 1, .. Enumerable.Repeat((byte)0xFF, 128 - 6 - cidBytes.Length), 0, .. cidBytes, 0, 0, 0])),
            "wrong-key" => (cid, await (await DecooUser.CreateAsync(shared.App, registerKey: false)).SecretAsync(cid)),
            "cid-mismatch" => (otherCid, await user.SecretAsync(otherCid)),
            "not-a-cid" => ("QmNotACid", await user.SecretAsync("QmNotACid")),
            "no-secret" => (cid, null),
            "secret-not-base64" => (cid, "not base64!"),
            _ => (null, await user.SecretAsync(cid)),
        };
        using var http = shared.App.CreateClient();

        using var response = await DecooUser.PinFileAsync(http, token, DecooUser.PinFileForm(bytes, field, secret));

        Assert.Contains(detail, await DecooUser.ReadErrorAsync(response, 400, "Bad request"), StringComparison.Ordinal);
        await user.AssertNothingStoredAsync(shared.App);
    }

    [Fact]
    public async Task PinFile_NoRsaKeyRegistered_403AndNothingStored()
    {
        var user = await DecooUser.CreateAsync(shared.App, registerKey: false);
        var token = await user.AccessTokenAsync(shared.App);
        var cid = "QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ";
        using var http = shared.App.CreateClient();

        using var response = await DecooUser.PinFileAsync(http, token, DecooUser.PinFileForm("x"u8.ToArray(), cid, await user.SecretAsync(cid)));

        Assert.Contains("no RSA public key is registered", await DecooUser.ReadErrorAsync(response, 403, "Need auth"), StringComparison.Ordinal);
        await user.AssertNothingStoredAsync(shared.App);
    }

    [Fact]
    public async Task PinFile_NoFilePartOrNotMultipart_400()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();
        using var fieldsOnly = new MultipartFormDataContent { { new StringContent("QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ"), "cid" } };

        var noFile = await DecooUser.ReadErrorAsync(await DecooUser.PinFileAsync(http, token, fieldsOnly), 400, "Bad request");
        var notMultipart = await DecooUser.ReadErrorAsync(await DecooUser.PinFileAsync(http, token, new ByteArrayContent([1, 2, 3])), 400, "Bad request");

        Assert.Equal("the multipart field file is required", noFile);
        Assert.Contains("multipart/form-data", notMultipart, StringComparison.Ordinal);
        await user.AssertNothingStoredAsync(shared.App);
    }

    [Theory]
    [InlineData("""{"hashToPin":"QmNotACid","secret":"S"}""", "is not a CID")]
    [InlineData("""{"hashToPin":"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi-x","secret":"S"}""", "is not a CID")]
    [InlineData("""{"secret":"S"}""", "hashToPin is required")]
    [InlineData("""{"hashToPin":"QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ"}""", "secret is required")]
    [InlineData("""{"hashToPin":"QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ","secret":"AAAA"}""", "not as long as the RSA key's modulus")]
    [InlineData("""[1,2]""", "the body must be JSON")]
    [InlineData("""not json""", "the body must be JSON")]
    public async Task PinByHash_BadBody_400AndNothingStored(string body, string detail)
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();

        using var response = await DecooUser.PinByHashAsync(http, token, body);

        Assert.Contains(detail, await DecooUser.ReadErrorAsync(response, 400, "Bad request"), StringComparison.Ordinal);
        await user.AssertNothingStoredAsync(shared.App);
    }

    [Fact]
    public async Task PinByHash_SecretOfAnotherCid_400AndNothingStored()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();
        var secret = await user.SecretAsync("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");

        using var response = await DecooUser.PinByHashAsync(http, token, $$"""{"hashToPin":"QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ","secret":"{{secret}}"}""");

        Assert.Contains("not this CID signed", await DecooUser.ReadErrorAsync(response, 400, "Bad request"), StringComparison.Ordinal);
        await user.AssertNothingStoredAsync(shared.App);
    }

    [Fact]
    public async Task PinListAndPinJobs_FiltersSortingPaging()
    {
        var user = await DecooUser.CreateAsync(shared.App);
        var token = await user.AccessTokenAsync(shared.App);
        using var http = shared.App.CreateClient();
        var cids = new List<string>();
        foreach (var text in new[] { "first", "second", "third" })
        {
            var bytes = Encoding.UTF8.GetBytes("listed " + text);
            var cid = (string)(await DecooSdkReference.RunOneAsync("cid", new JsonObject { ["path"] = await TempFileAsync(bytes) }))!;
            await GatewayApplication.ReadJsonAsync(await DecooUser.PinFileAsync(http, token, DecooUser.PinFileForm(bytes, cid, await user.SecretAsync(cid), fileName: text + ".txt")));
            cids.Add(cid);
        }

        using var cloud = user.Cloud(shared.App);
        var all = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinJobs"));
        foreach (var job in all.GetProperty("Jobs").EnumerateArray())
        {
            await user.WaitForJobAsync(shared.App, job.GetProperty("Id").GetString()!, "pinned");
        }

        var newest = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinList?limit=2"));
        var oldestPage = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinList?sort=ASC&offset=1&limit=1"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byDay = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync($"/decoo/pinning/pinList?start-date={today}&end-date={today}"));
        var future = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinList?start-date=2999-01-01T00:00:00Z"));
        var byHash = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync($"/decoo/pinning/pinJobs?pin-hash={cids[1]}"));
        var queued = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinJobs?status=queued"));
        var badSort = await DecooUser.ReadErrorAsync(await cloud.GetAsync("/decoo/pinning/pinList?sort=UP"), 400, "Bad request");
        var badLimit = await DecooUser.ReadErrorAsync(await cloud.GetAsync("/decoo/pinning/pinList?limit=1001"), 400, "Bad request");
        var badDate = await DecooUser.ReadErrorAsync(await cloud.GetAsync("/decoo/pinning/pinList?end-date=yesterday"), 400, "Bad request");
        var badStatus = await DecooUser.ReadErrorAsync(await cloud.GetAsync("/decoo/pinning/pinJobs?status=done"), 400, "Bad request");
        var badHash = await DecooUser.ReadErrorAsync(await cloud.GetAsync("/decoo/pinning/pinJobs?pin-hash=nope"), 400, "Bad request");

        Assert.Equal(3, all.GetProperty("Count").GetInt32());
        Assert.Equal(3, newest.GetProperty("Count").GetInt32());
        Assert.Equal([cids[2], cids[1]], newest.GetProperty("Pins").EnumerateArray().Select(p => p.GetProperty("PinHash").GetString()));
        Assert.Equal("third.txt", newest.GetProperty("Pins")[0].GetProperty("Metadata").GetProperty("name").GetString());
        Assert.Equal(cids[1], Assert.Single(oldestPage.GetProperty("Pins").EnumerateArray()).GetProperty("PinHash").GetString());
        Assert.Equal(3, byDay.GetProperty("Count").GetInt32());
        Assert.Equal(0, future.GetProperty("Count").GetInt32());
        Assert.Equal(cids[1], Assert.Single(byHash.GetProperty("Jobs").EnumerateArray()).GetProperty("PinHash").GetString());
        Assert.Equal(0, queued.GetProperty("Count").GetInt32());
        Assert.Contains("sort", badSort, StringComparison.Ordinal);
        Assert.Contains("limit", badLimit, StringComparison.Ordinal);
        Assert.Contains("end-date", badDate, StringComparison.Ordinal);
        Assert.Contains("status", badStatus, StringComparison.Ordinal);
        Assert.Contains("pin-hash", badHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinByHash_CidNowhere_QueuedThenFailedAfterTheDeadline()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:FetchDeadline"] = "00:00:02" });
        var user = await DecooUser.CreateAsync(app);
        var token = await user.AccessTokenAsync(app);
        const string cid = "QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ";
        using var http = app.CreateClient();

        var secret = await user.SecretAsync(cid);
        using var response = await DecooUser.PinByHashAsync(http, token, $$$"""{"hashToPin":"{{{cid}}}","secret":"{{{secret}}}","decooMetadata":{"name":"far away"}}""");
        var queued = await GatewayApplication.ReadJsonAsync(response);
        var failed = await user.WaitForJobAsync(app, queued.GetProperty("JobId").GetString()!, "failed");

        Assert.Equal(cid, queued.GetProperty("HashToPin").GetString());
        Assert.Equal("queued", queued.GetProperty("JobStatus").GetString());
        Assert.Equal(cid, failed.GetProperty("PinHash").GetString());
    }

    [Fact]
    public async Task EndpointList_ThisGatewayFirstThenTheConfiguredOnes()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Decoo:EndpointName"] = "Here",
            ["Gateway:Decoo:Endpoints:0:Name"] = "Hong Kong",
            ["Gateway:Decoo:Endpoints:0:ApiHost"] = "https://api-hk.decoo.io/",
        });
        var user = await DecooUser.CreateAsync(app);
        using var cloud = user.Cloud(app);

        using var response = await cloud.GetAsync("/decoo/endpoint/list");

        Assert.Equal(
            """[{"id":1,"name":"Here","apiHost":"http://localhost/decoo"},{"id":2,"name":"Hong Kong","apiHost":"https://api-hk.decoo.io"}]""",
            await response.Content.ReadAsStringAsync());
    }

    private async Task<string> TempFileAsync(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-decoo-{Guid.NewGuid():N}.bin");
        _files.Add(path);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }
}
