using System.Net;
using System.Text.Json;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Functions.Tests.Functions.Ops;
using FunctionsGateway.Functions.Tests.Functions.Psa;
using FunctionsGateway.Functions.Tests.Functions.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>
/// Quotas and usage across the surfaces, against Azurite: what uploads, downloads, deletes, pins and requests count,
/// refusals by declared length and mid-stream with nothing left behind, exact counts under 100 parallel requests, and
/// each surface's envelope for a refusal.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuotaEnforcementTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FilesUploadDownloadDelete_UsageExact()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        var bytes = new byte[12_345];
        Random.Shared.NextBytes(bytes);

        var file = await GatewayApplication.ReadJsonAsync(await user.PutAsync("/v1/files/u.bin", new ByteArrayContent(bytes)));
        var afterUpload = await UsageAsync(app, id);
        var downloaded = await user.GetByteArrayAsync($"/v1/files/{file.GetProperty("id").GetString()}");
        var afterDownload = await UsageAsync(app, id);
        using var deleted = await user.DeleteAsync($"/v1/files/{file.GetProperty("id").GetString()}");
        var afterDelete = await UsageAsync(app, id);

        Assert.Equal(bytes, downloaded);
        Assert.Equal((12_345L, 12_345L, 1L), (Counter(afterUpload, "storedBytes"), Counter(afterUpload, "ingressBytes"), Counter(afterUpload, "requests")));
        Assert.True(Counter(afterUpload, "egressBytes") > 0); // The upload's JSON answer.
        Assert.Equal(Counter(afterUpload, "egressBytes") + 12_345, Counter(afterDownload, "egressBytes"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((0L, 12_345L, 3L), (Counter(afterDelete, "storedBytes"), Counter(afterDelete, "ingressBytes"), Counter(afterDelete, "requests")));
        Assert.Equal(Counter(afterDownload, "egressBytes"), Counter(afterDelete, "egressBytes"));
    }

    [Fact]
    public async Task FilesPut_DeclaredLengthOverQuota_409NothingStagedNoRecord()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        await SetQuotaAsync(app, id, """{"storedBytes":1000}""");

        using var fits = await user.PutAsync("/v1/files/a.bin", new ByteArrayContent(new byte[600]));
        using var refused = await user.PutAsync("/v1/files/b.bin", new ByteArrayContent(new byte[401]));

        var kept = (await GatewayApplication.ReadJsonAsync(fits)).GetProperty("id").GetString();
        Assert.Equal("quota_exceeded", await GatewayApplication.ReadErrorCodeAsync(refused, 409));
        Assert.Contains("stored limit 1000 bytes, 600 used, 401 more requested", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(await StagedAsync(app, id), name => Assert.Equal($"{id}/{kept}", name)); // (The push may have moved it already.)
        Assert.Equal(kept, Assert.Single(await RecordsAsync(app, id)).Id);
        Assert.Equal(600, Counter(await UsageAsync(app, id), "storedBytes"));
    }

    [Fact]
    public async Task FilesPut_ChunkedBodyPassesTheQuota_409NothingLeftBehind()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Uploads:BlockSizeBytes"] = "65536" });
        var (user, id, _) = await app.CreateUserClientAsync();
        await SetQuotaAsync(app, id, """{"ingressBytes":100000}""");
        var content = new StreamContent(new MemoryStream(new byte[300_000]));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/files/chunked.bin") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await user.SendAsync(request);

        Assert.Equal("quota_exceeded", await GatewayApplication.ReadErrorCodeAsync(response, 409));
        Assert.Empty(await StagedAsync(app, id));
        Assert.Empty(await RecordsAsync(app, id));
        var usage = await UsageAsync(app, id);
        Assert.Equal((0L, 0L), (Counter(usage, "storedBytes"), Counter(usage, "ingressBytes")));
    }

    [Fact]
    public async Task TusCreate_UploadLengthOverQuota_409NoSession()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        await SetQuotaAsync(app, id, """{"storedBytes":10}""");

        using var response = await user.SendAsync(TusRequests.Create(11));

        Assert.Equal("quota_exceeded", await GatewayApplication.ReadErrorCodeAsync(response, 409));
        Assert.Null(response.Headers.Location);
        Assert.Empty(await StagedAsync(app, id));
    }

    [Fact]
    public async Task Requests_100ParallelThenAQuota_ExactCountsAndExactlyTheQuotaAdmitted()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();

        var unlimited = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => user.GetAsync("/v1/files")));
        await SetQuotaAsync(app, id, """{"requests":140}""");
        var capped = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => user.GetAsync("/v1/files")));

        Assert.All(unlimited, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(40, capped.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = capped.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(60, refused.Count);
        Assert.Equal("quota_exceeded", await GatewayApplication.ReadErrorCodeAsync(refused[0], 409));
        Assert.Equal(140, Counter(await UsageAsync(app, id), "requests"));
        foreach (var response in unlimited.Concat(capped))
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task EgressQuotaUsedUp_ReadsRefusedWritesNot()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        var file = await GatewayApplication.ReadJsonAsync(await user.PutAsync("/v1/files/e.bin", new ByteArrayContent(new byte[5000])));
        await SetQuotaAsync(app, id, """{"egressBytes":1000}""");

        using var first = await user.GetAsync($"/v1/files/{file.GetProperty("id").GetString()}");
        using var second = await user.GetAsync($"/v1/files/{file.GetProperty("id").GetString()}");
        using var delete = await user.DeleteAsync($"/v1/files/{file.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode); // Under the quota when it started; the answer's size is known once sent.
        Assert.Equal("quota_exceeded", await GatewayApplication.ReadErrorCodeAsync(second, 409));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Psa_PinnedBytesCountedWhenPinnedGivenBackOnDelete_AndQuota409InsufficientFunds()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        var cid = (await KuboRpc.AddPublishedAsync(app, user, "pin=false", ("p.txt", new byte[3000]))).Single();

        var requestId = (await PsaRequests.AddAsync(user, $$"""{"cid":"{{cid}}"}""")).GetProperty("requestid").GetString()!;
        var pinned = await PsaRequests.WaitForStatusAsync(user, requestId, "pinned");
        var dagSize = long.Parse(pinned.GetProperty("info").GetProperty("dag_size").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var whilePinned = Counter(await UsageAsync(app, id), "pinnedBytes");
        await SetQuotaAsync(app, id, $$"""{"pinnedBytes":{{dagSize}}}""");
        using var refused = await user.PostAsync("/psa/pins", PsaRequests.Json($$"""{"cid":"{{cid}}"}"""));
        using var removed = await user.DeleteAsync($"/psa/pins/{requestId}");
        var afterDelete = Counter(await UsageAsync(app, id), "pinnedBytes");

        Assert.True(dagSize > 3000);
        Assert.Equal(dagSize, whilePinned);
        Assert.Equal("INSUFFICIENT_FUNDS", await PsaRequests.ReadFailureAsync(refused, HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        Assert.Equal(0, afterDelete);
    }

    [Fact]
    public async Task Psa_DagLargerThanWhatThePinnedQuotaLeaves_FailedWithTheQuotaInStatusDetails()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        var cid = (await KuboRpc.AddPublishedAsync(app, user, "pin=false", ("big.txt", new byte[3000]))).Single();
        await SetQuotaAsync(app, id, """{"pinnedBytes":100}""");

        var requestId = (await PsaRequests.AddAsync(user, $$"""{"cid":"{{cid}}"}""")).GetProperty("requestid").GetString()!;
        var failed = await PsaRequests.WaitForStatusAsync(user, requestId, "failed");

        Assert.Contains("Quota exceeded: pinned limit 100 bytes", failed.GetProperty("info").GetProperty("status_details").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Counter(await UsageAsync(app, id), "pinnedBytes"));
    }

    [Fact]
    public async Task Psa_RequestQuotaUsedUp_409InsufficientFundsWithRateLimitHeaders()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        await SetQuotaAsync(app, id, """{"requests":0}""");

        using var response = await user.GetAsync("/psa/pins");

        Assert.Equal("INSUFFICIENT_FUNDS", await PsaRequests.ReadFailureAsync(response, HttpStatusCode.Conflict));
        Assert.True(response.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task KuboAdd_OverStoredQuota_409InKubosBody()
    {
        await using var app = new GatewayApplication(azurite);
        var (user, id, _) = await app.CreateUserClientAsync();
        await SetQuotaAsync(app, id, """{"storedBytes":100}""");

        using var response = await KuboRpc.PostAsync(user, "add", KuboRpc.Files(("k.bin", new byte[1000])));

        var message = await KuboRpc.ReadErrorAsync(response, 409);
        Assert.Contains("Quota exceeded", message, StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, id));
    }

    internal static async Task SetQuotaAsync(GatewayApplication app, string identityId, string json)
    {
        using var ops = app.CreateOperatorClient();
        await GatewayApplication.ReadJsonAsync(await ops.PutAsync($"/ops/identities/{identityId}/quota", UsageFunctionsTests.Json(json)));
    }

    internal static async Task<JsonElement> UsageAsync(GatewayApplication app, string identityId)
    {
        using var ops = app.CreateOperatorClient();
        return await GatewayApplication.ReadJsonAsync(await ops.GetAsync($"/ops/identities/{identityId}/usage"));
    }

    internal static long Counter(JsonElement usage, string name) => usage.GetProperty("usage").GetProperty(name).GetInt64();

    internal static async Task<List<string>> StagedAsync(GatewayApplication app, string identityId)
    {
        var names = app.Services.GetRequiredService<StorageNames>();
        var staged = new List<string>();
        await foreach (var blob in app.Services.GetRequiredService<IBlobStorage>().ListAsync(names.StagingContainer, identityId + "/"))
        {
            staged.Add(blob.Name);
        }

        return staged;
    }

    internal static async Task<IReadOnlyList<FileRecord>> RecordsAsync(GatewayApplication app, string identityId) =>
        (await app.Services.GetRequiredService<FileIndex>().ListAsync(identityId, 100, continuation: null)).Items;
}
