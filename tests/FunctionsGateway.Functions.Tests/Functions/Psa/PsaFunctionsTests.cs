using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Psa;

/// <summary>The Pinning Service API at <c>/psa</c> (spec/standards.md §1): routes, shapes, filters and every error case.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PsaFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddPin_ContentHeldHere_202QueuedThenPinnedWithDagSize()
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();
        var cid = (await KuboRpc.AddPublishedAsync(app, client, "pin=false&cid-version=1", ("p.txt", "pin me through the PSA"u8.ToArray()))).Single();

        using var response = await client.PostAsync("/psa/pins", PsaRequests.Json($$$"""{"cid":"{{{cid}}}","name":"p.txt","meta":{"app_id":"a1"}}"""));
        var queued = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var pinned = await PsaRequests.WaitForStatusAsync(client, queued.GetProperty("requestid").GetString()!, "pinned");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal(GatewayServices.TestDelegate, queued.GetProperty("delegates").EnumerateArray().Single().GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", queued.GetProperty("created").GetString());
        Assert.Equal($$$"""{"cid":"{{{cid}}}","name":"p.txt","meta":{"app_id":"a1"}}""", queued.GetProperty("pin").GetRawText());
        Assert.Equal(queued.GetProperty("created").GetString(), pinned.GetProperty("created").GetString());
        Assert.Equal("22", pinned.GetProperty("info").GetProperty("dag_size").GetString());
        Assert.False(pinned.GetProperty("info").TryGetProperty("status_details", out _));
    }

    [Fact]
    public async Task AddPin_ContentNowhere_RetriedThenFailedAfterTheDeadlineWithStatusDetails()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:FetchDeadline"] = "00:00:02" });
        var (client, _, _) = await app.CreateUserClientAsync();

        var queued = await PsaRequests.AddAsync(client, $$"""{"cid":"{{PsaRequests.UnknownCid}}"}""");
        var failed = await PsaRequests.WaitForStatusAsync(client, queued.GetProperty("requestid").GetString()!, "failed");

        var details = failed.GetProperty("info").GetProperty("status_details").GetString()!;
        Assert.Contains("not held by this gateway, and no IPFS node is configured", details, StringComparison.Ordinal);
        Assert.Contains("gave up after", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPins_Filters_NewestFirstWithTotalCount()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:Worker"] = "Off" });
        var (client, _, _) = await app.CreateUserClientAsync();
        var (other, _, _) = await app.CreateUserClientAsync("other");
        var ids = new List<string>();
        foreach (var (name, appId) in new[] { ("Alpha.pdf", "x"), ("alpha-2.pdf", "y"), ("beta.pdf", "x"), ("GAMMA", "x") })
        {
            ids.Add((await PsaRequests.AddAsync(client, $$$"""{"cid":"{{{PsaRequests.UnknownCid}}}","name":"{{{name}}}","meta":{"app_id":"{{{appId}}}","k":"v"}}""")).GetProperty("requestid").GetString()!);
        }

        var cidV0 = "QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n";
        ids.Add((await PsaRequests.AddAsync(client, $$"""{"cid":"{{cidV0}}"}""")).GetProperty("requestid").GetString()!);
        await PsaRequests.AddAsync(other, $$"""{"cid":"{{PsaRequests.UnknownCid}}","name":"Alpha.pdf"}""");
        ids.Reverse();

        async Task<JsonElement> List(string query) => await GatewayApplication.ReadJsonAsync(await client.GetAsync("/psa/pins" + query));
        var all = await List("");
        var two = await List("?limit=2");
        var next = await List("?limit=2&before=" + Uri.EscapeDataString(two.GetProperty("results")[1].GetProperty("created").GetString()!));
        var after = await List("?after=" + Uri.EscapeDataString(all.GetProperty("results")[2].GetProperty("created").GetString()!));

        Assert.Equal(5, all.GetProperty("count").GetInt32());
        Assert.Equal(ids, PsaRequests.RequestIds(all));
        Assert.Equal(5, two.GetProperty("count").GetInt32());
        Assert.Equal(ids[..2], PsaRequests.RequestIds(two));
        Assert.Equal(3, next.GetProperty("count").GetInt32());
        Assert.Equal(ids[2..4], PsaRequests.RequestIds(next));
        Assert.Equal(ids[..2], PsaRequests.RequestIds(after));
        Assert.Equal([ids[4]], PsaRequests.RequestIds(await List("?name=Alpha.pdf")));
        Assert.Equal([ids[4]], PsaRequests.RequestIds(await List("?name=alpha.PDF&match=iexact")));
        Assert.Equal([ids[3]], PsaRequests.RequestIds(await List("?name=alpha&match=partial")));
        Assert.Equal([ids[3], ids[4]], PsaRequests.RequestIds(await List("?name=ALPHA&match=ipartial")));
        Assert.Equal([ids[1], ids[2], ids[4]], PsaRequests.RequestIds(await List("?meta=" + Uri.EscapeDataString("""{"app_id":"x","k":"v"}"""))));
        Assert.Empty(PsaRequests.RequestIds(await List("?meta=" + Uri.EscapeDataString("""{"app_id":"x","k":"w"}"""))));
        Assert.Equal([ids[0]], PsaRequests.RequestIds(await List("?cid=bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku," + cidV0)));
        Assert.Equal(5, (await List("?status=queued,pinning")).GetProperty("count").GetInt32());
        Assert.Equal(0, (await List("?status=pinned")).GetProperty("count").GetInt32());
        Assert.Equal(4, (await List("?cid=" + PsaRequests.UnknownCid)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ReplaceAndRemove_NewRequestIdOldOneGone_OthersCannotTouch()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:Worker"] = "Off" });
        var (client, _, _) = await app.CreateUserClientAsync();
        var (other, _, _) = await app.CreateUserClientAsync("other");
        var first = (await PsaRequests.AddAsync(client, $$"""{"cid":"{{PsaRequests.UnknownCid}}","name":"v1"}""")).GetProperty("requestid").GetString()!;

        var foreignGet = await PsaRequests.ReadFailureAsync(await other.GetAsync($"/psa/pins/{first}"), HttpStatusCode.NotFound);
        var foreignDelete = await PsaRequests.ReadFailureAsync(await other.DeleteAsync($"/psa/pins/{first}"), HttpStatusCode.NotFound);
        using var replaced = await client.PostAsync($"/psa/pins/{first}", PsaRequests.Json("""{"cid":"bafkqaaa","name":"v2"}"""));
        var second = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync()).RootElement;
        var secondId = second.GetProperty("requestid").GetString()!;
        var oldGone = await PsaRequests.ReadFailureAsync(await client.GetAsync($"/psa/pins/{first}"), HttpStatusCode.NotFound);
        var oldReplace = await PsaRequests.ReadFailureAsync(await client.PostAsync($"/psa/pins/{first}", PsaRequests.Json("""{"cid":"bafkqaaa"}""")), HttpStatusCode.NotFound);
        using var removed = await client.DeleteAsync($"/psa/pins/{secondId}");
        var removedAgain = await PsaRequests.ReadFailureAsync(await client.DeleteAsync($"/psa/pins/{secondId}"), HttpStatusCode.NotFound);
        var listed = await GatewayApplication.ReadJsonAsync(await client.GetAsync("/psa/pins"));

        Assert.Equal("NOT_FOUND", foreignGet);
        Assert.Equal("NOT_FOUND", foreignDelete);
        Assert.Equal(HttpStatusCode.Accepted, replaced.StatusCode);
        Assert.NotEqual(first, secondId);
        Assert.Equal("v2", second.GetProperty("pin").GetProperty("name").GetString());
        Assert.Equal("NOT_FOUND", oldGone);
        Assert.Equal("NOT_FOUND", oldReplace);
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        Assert.Empty(await removed.Content.ReadAsByteArrayAsync());
        Assert.Equal("NOT_FOUND", removedAgain);
        Assert.Equal(0, listed.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AddPin_ManyAtOnce_EveryCreatedUniqueToTheMillisecond()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:Worker"] = "Off" });
        var (client, _, _) = await app.CreateUserClientAsync();

        var added = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => PsaRequests.AddAsync(client, """{"cid":"bafkqaaa"}""")));
        var listed = await GatewayApplication.ReadJsonAsync(await client.GetAsync("/psa/pins?limit=1000"));

        var created = added.Select(a => a.GetProperty("created").GetString()!).ToList();
        Assert.Equal(30, created.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(30, added.Select(a => a.GetProperty("requestid").GetString()).Distinct().Count());
        var listedCreated = listed.GetProperty("results").EnumerateArray().Select(r => DateTimeOffset.Parse(r.GetProperty("created").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(listedCreated.OrderDescending(), listedCreated);
    }

    [Theory]
    [InlineData("?cid=", "cid")]
    [InlineData("?cid=notacid", "cid")]
    [InlineData("?cid=bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa,bafkqaaa", "cid")]
    [InlineData("?match=fuzzy&name=a", "match")]
    [InlineData("?status=done", "status")]
    [InlineData("?before=yesterday", "before")]
    [InlineData("?after=2020-07-27", "after")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?meta=notjson", "meta")]
    [InlineData("?meta=%5B%5D", "meta")]
    [InlineData("?meta=%7B%22a%22%3A1%7D", "meta")]
    public async Task ListPins_BadFilter_400BadRequestNamingIt(string query, string parameter)
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();

        using var response = await client.GetAsync("/psa/pins" + query);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("BAD_REQUEST", await PsaRequests.ReadFailureAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains(parameter, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPins_NameOver255_400()
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();
        Assert.Equal("BAD_REQUEST", await PsaRequests.ReadFailureAsync(await client.GetAsync("/psa/pins?name=" + new string('n', 256)), HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"name":"no cid"}""")]
    [InlineData("""{"cid":"notacid"}""")]
    [InlineData("""{"cid":""}""")]
    [InlineData("""{"cid":42}""")]
    [InlineData("""not json""")]
    [InlineData("""{"cid":"bafkqaaa","origins":["/ip4/1.2.3.4/tcp/4001"]}""")]
    [InlineData("""{"cid":"bafkqaaa","origins":["/ip4/1.2.3.4/tcp/4001/p2p/QmA","/ip4/1.2.3.4/tcp/4001/p2p/QmA"]}""")]
    [InlineData("""{"cid":"bafkqaaa","meta":{"a":1}}""")]
    public async Task AddAndReplacePin_BadPin_400AndNothingRecorded(string body)
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:Worker"] = "Off" });
        var (client, _, _) = await app.CreateUserClientAsync();
        var existing = (await PsaRequests.AddAsync(client, """{"cid":"bafkqaaa"}""")).GetProperty("requestid").GetString();

        var added = await PsaRequests.ReadFailureAsync(await client.PostAsync("/psa/pins", PsaRequests.Json(body)), HttpStatusCode.BadRequest);
        var replaced = await PsaRequests.ReadFailureAsync(await client.PostAsync($"/psa/pins/{existing}", PsaRequests.Json(body)), HttpStatusCode.BadRequest);
        var listed = await GatewayApplication.ReadJsonAsync(await client.GetAsync("/psa/pins"));

        Assert.Equal("BAD_REQUEST", added);
        Assert.Equal("BAD_REQUEST", replaced);
        Assert.Equal([existing!], PsaRequests.RequestIds(listed));
    }

    [Fact]
    public async Task AddPin_NameOver255_400()
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();
        var body = $$"""{"cid":"bafkqaaa","name":"{{new string('n', 256)}}"}""";
        Assert.Equal("BAD_REQUEST", await PsaRequests.ReadFailureAsync(await client.PostAsync("/psa/pins", PsaRequests.Json(body)), HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("GET", "/psa/pins/0000000000000000-unknown")]
    [InlineData("GET", "/psa/pins/garbage")]
    [InlineData("DELETE", "/psa/pins/0000000000000000-unknown")]
    [InlineData("POST", "/psa/pins/garbage")]
    public async Task UnknownRequestId_404NotFound(string method, string path)
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? PsaRequests.Json("""{"cid":"bafkqaaa"}""") : null };
        Assert.Equal("NOT_FOUND", await PsaRequests.ReadFailureAsync(await client.SendAsync(request), HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer fgw_notatokennotatokennotatokennotatokennotatok")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task AnyRoute_MissingOrInvalidToken_401UnauthorizedFailure(string? authorization)
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var request in new[] { new HttpRequestMessage(HttpMethod.Get, "/psa/pins"), new HttpRequestMessage(HttpMethod.Post, "/psa/pins") { Content = PsaRequests.Json("""{"cid":"bafkqaaa"}""") }, new HttpRequestMessage(HttpMethod.Delete, "/psa/pins/x") })
        {
            using var response = await client.SendAsync(request);
            Assert.Equal("UNAUTHORIZED", await PsaRequests.ReadFailureAsync(response, HttpStatusCode.Unauthorized));
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task RevokedToken_401UnauthorizedFailure()
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, credentialId) = await app.CreateUserClientAsync();
        using var ops = app.CreateOperatorClient();
        (await ops.DeleteAsync($"/ops/credentials/{credentialId}")).EnsureSuccessStatusCode();
        Assert.Equal("UNAUTHORIZED", await PsaRequests.ReadFailureAsync(await client.GetAsync("/psa/pins"), HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("PUT", "/psa/pins", HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED")]
    [InlineData("PATCH", "/psa/pins/x", HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED")]
    [InlineData("GET", "/psa/nothing", HttpStatusCode.NotFound, "NOT_FOUND")]
    public async Task OtherRequests_FailureBody(string method, string path, HttpStatusCode status, string reason)
    {
        await using var app = new GatewayApplication(azurite);
        var (client, _, _) = await app.CreateUserClientAsync();
        Assert.Equal(reason, await PsaRequests.ReadFailureAsync(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), status));
    }

    [Fact]
    public async Task EveryAnswer_RateLimitHeaders_OverTheLimit429RateLimitedWithRetryAfter()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Limits:psa"] = "3",
            ["Gateway:RateLimits:Limits:PsaListPins"] = "0",
            ["Gateway:Pins:Worker"] = "Off",
        });
        var (client, _, _) = await app.CreateUserClientAsync();
        var (other, _, _) = await app.CreateUserClientAsync("other");

        using var first = await client.GetAsync("/psa/pins/0000000000000000-unknown");
        using var second = await client.GetAsync("/psa/pins/0000000000000000-unknown");
        using var third = await client.GetAsync("/psa/pins/0000000000000000-unknown");
        using var fourth = await client.GetAsync("/psa/pins/0000000000000000-unknown");
        using var otherRoute = await client.PostAsync("/psa/pins", PsaRequests.Json("""{"cid":"bafkqaaa"}"""));
        using var otherIdentity = await other.GetAsync("/psa/pins/0000000000000000-unknown");
        using var unlimited = await client.GetAsync("/psa/pins");

        Assert.Equal(["3", "3", "3"], new[] { first, second, third }.Select(r => r.Headers.GetValues("x-ratelimit-limit").Single()));
        Assert.Equal(["2", "1", "0", "0"], new[] { first, second, third, fourth }.Select(r => r.Headers.GetValues("x-ratelimit-remaining").Single()));
        Assert.InRange(int.Parse(first.Headers.GetValues("x-ratelimit-reset").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        Assert.Equal("RATE_LIMITED", await PsaRequests.ReadFailureAsync(fourth, HttpStatusCode.TooManyRequests));
        Assert.InRange(fourth.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("2", otherRoute.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal("2", otherIdentity.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal(HttpStatusCode.OK, unlimited.StatusCode);
        Assert.False(unlimited.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task ListPins_ParallelRequestsOnOneCounter_ExactlyTheLimitAdmitted()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:RateLimits:Limits:PsaListPins"] = "60", ["Gateway:RateLimits:Window"] = "01:00:00" });
        var (client, _, _) = await app.CreateUserClientAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await client.GetAsync("/psa/pins");
            return response.StatusCode;
        }));

        Assert.Equal(60, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task AnyRoute_NoDelegatesConfigured_503NotConfigured()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Pins:Delegates:0"] = "" });
        var (client, _, _) = await app.CreateUserClientAsync();
        Assert.Equal("NOT_CONFIGURED", await PsaRequests.ReadFailureAsync(await client.GetAsync("/psa/pins"), HttpStatusCode.ServiceUnavailable));
    }
}
