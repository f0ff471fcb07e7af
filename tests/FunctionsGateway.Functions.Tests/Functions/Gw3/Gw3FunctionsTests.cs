using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Gw3;

/// <summary>The <c>/gw3</c> surface end to end on Azurite with an SDK-style client: two-step writes, reads, pins, account.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class Gw3FunctionsTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    private const string EmptyDirectory = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn";

    [Theory]
    [InlineData(Gw3AuthStyle.Headers)]
    [InlineData(Gw3AuthStyle.SignedSorted)]
    [InlineData(Gw3AuthStyle.SignedAsSent)]
    public async Task TwoStepUpload_ReadPinUnpin_EachAuthStyle(Gw3AuthStyle style)
    {
        var client = await CreateClientAsync(style);
        var bytes = Encoding.UTF8.GetBytes($"hello gateway3 {style}");

        var cid = await client.UploadAsync(bytes);
        using var read = await client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{cid}");
        using var named = await client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{cid}", [("filename", "hello world.txt")]);
        using var car = await WhenStoredAsync(() => client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{cid}", [("format", "car")]));
        using var head = await client.SendAsync(HttpMethod.Head, $"/gw3/ipfs/{cid}");
        await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Post, "/gw3/api/v0/pin/add", [("arg", cid), ("name", "my pin")]));
        var pinned = await ReadPinsAsync(client);
        await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Post, "/gw3/api/v0/pin/rm", [("arg", cid)]));
        var unpinned = await ReadPinsAsync(client);
        var again = await Gw3Client.ReadErrorAsync(await client.SendAsync(HttpMethod.Post, "/gw3/api/v0/pin/rm", [("arg", cid)]), 400);

        Assert.Equal(bytes, await read.Content.ReadAsByteArrayAsync());
        Assert.Contains("hello%20world.txt", named.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, car.StatusCode);
        Assert.StartsWith("application/vnd.ipld.car", car.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1, pinned.GetProperty("total").GetInt32());
        var pin = pinned.GetProperty("data")[0];
        Assert.Equal((cid, "my pin", "pinned"), (pin.GetProperty("cid").GetString(), pin.GetProperty("name").GetString(), pin.GetProperty("status").GetString()));
        Assert.Equal(0, unpinned.GetProperty("total").GetInt32());
        Assert.Equal("not pinned or pinned indirectly", again);
    }

    [Fact]
    public async Task DirectoryEdits_PutDeleteFolderOperationDagGetAndImport_NewRoots()
    {
        var client = await CreateClientAsync(Gw3AuthStyle.SignedSorted);
        var a = "A file"u8.ToArray();
        var b = await client.UploadAsync("B file"u8.ToArray());

        var putUrl = await client.BeginAsync(HttpMethod.Put, $"/gw3/ipfs/{EmptyDirectory}/docs/a.txt", [("size", a.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using var put = await client.Http.PutAsync(putUrl, new ByteArrayContent(a));
        var root = await Gw3Client.ReadHashAsync(put);
        using var readA = await client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{root}/docs/a.txt");
        using var dagGet = await client.SendAsync(HttpMethod.Get, "/gw3/api/v0/dag/get", [("arg", root)]);
        var dag = JsonDocument.Parse(await dagGet.Content.ReadAsStringAsync()).RootElement;

        using var folder = await client.SendAsync(HttpMethod.Post, "/gw3/api/v0/folder/operation", body: Json(new { cid = root, add = new[] { new[] { "b.txt", b } }, remove = Array.Empty<string>(), pin_new = true, unpin_old = true }));
        var withB = (await Gw3Client.ReadOkAsync(folder)).GetProperty("data").GetProperty("cid").GetString()!;
        using var readB = await client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{withB}/b.txt");
        var pins = await ReadPinsAsync(client);

        var deleteUrl = await client.BeginAsync(HttpMethod.Delete, $"/gw3/ipfs/{withB}/docs");
        using var deleted = await client.Http.DeleteAsync(deleteUrl);
        var onlyB = await Gw3Client.ReadHashAsync(deleted);
        using var gone = await client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{onlyB}/docs/a.txt");

        using var carOfRoot = await client.SendAsync(HttpMethod.Get, $"/gw3/ipfs/{root}", [("format", "car"), ("dag-scope", "all")]);
        var carBytes = await carOfRoot.Content.ReadAsByteArrayAsync();
        var importUrl = await client.BeginAsync(HttpMethod.Post, "/gw3/api/v0/dag/import", [("size", carBytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using var imported = await client.Http.PostAsync(importUrl, new ByteArrayContent(carBytes));
        var stats = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal($"/ipfs/{root}/docs/a.txt", put.Headers.Location?.OriginalString);
        Assert.Equal(a, await readA.Content.ReadAsByteArrayAsync());
        Assert.Equal("docs", dag.GetProperty("Links")[0].GetProperty("Name").GetString());
        Assert.Equal("CAE", dag.GetProperty("Data").GetProperty("/").GetProperty("bytes").GetString());
        Assert.Equal("B file", await readB.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(3, stats.GetProperty("Stats").GetProperty("BlockCount").GetInt64());
        Assert.Contains(pins.GetProperty("data").EnumerateArray(), p => p.GetProperty("cid").GetString() == withB);
        Assert.DoesNotContain(pins.GetProperty("data").EnumerateArray(), p => p.GetProperty("cid").GetString() == root);
    }

    [Fact]
    public async Task Put_IntoEmptyDirectory_SameRootAsKuboAddWrapWithDirectory()
    {
        var client = await CreateClientAsync(Gw3AuthStyle.SignedAsSent);
        var bytes = "wrapped by kubo"u8.ToArray();
        var url = await client.BeginAsync(HttpMethod.Put, $"/gw3/ipfs/{EmptyDirectory}/note.txt", [("size", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using var put = await client.Http.PutAsync(url, new ByteArrayContent(bytes));
        var root = await Gw3Client.ReadHashAsync(put);

        // The Kubo RPC's add gives Kubo's CIDs (checked against ipfs-unixfs-importer in KuboAddTests).
        var added = await Kubo.KuboRpc.AddAsync(shared.User, "wrap-with-directory=true&only-hash=true", ("note.txt", bytes));

        Assert.Equal(added[^1].GetProperty("Hash").GetString(), root);
    }

    [Fact]
    public async Task AccountStats_CountsPins_ListPages()
    {
        var client = await CreateClientAsync(Gw3AuthStyle.Headers, "stats user");
        foreach (var text in new[] { "one", "two", "three" })
        {
            await client.UploadAsync(Encoding.UTF8.GetBytes(text));
        }

        var stats = (await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/stats"))).GetProperty("data");
        var page = await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin", [("limit", "2"), ("start", "1")]));
        var none = await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin", [("status", "pinning")]));
        var badLimit = await Gw3Client.ReadErrorAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin", [("limit", "0")]), 400);

        Assert.Equal("stats user", stats.GetProperty("name").GetString());
        Assert.Equal(3, stats.GetProperty("pinned_count").GetInt64());
        Assert.True(stats.GetProperty("pinned_bytes").GetInt64() >= 11);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Contains("limit", badLimit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadUrl_TamperedOrRevokedKey_401AndNothingStored()
    {
        var (identity, credentialId, key, secret) = await Gw3Client.IssueAsync(shared.App, "revoked user");
        var client = new Gw3Client(shared.App.CreateClient(), key, secret, Gw3AuthStyle.SignedSorted);
        var url = await client.BeginAsync(HttpMethod.Post, "/gw3/ipfs/", [("size", "4")]);

        var tampered = await Gw3Client.ReadErrorAsync(await client.Http.PostAsync(url.Replace("ssig=", "ssig=A", StringComparison.Ordinal), new ByteArrayContent("evil"u8.ToArray())), 401);
        using var ops = shared.App.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.NoContent, (await ops.DeleteAsync($"/ops/credentials/{credentialId}")).StatusCode);
        var revokedUrl = await Gw3Client.ReadErrorAsync(await client.Http.PostAsync(url, new ByteArrayContent("evil"u8.ToArray())), 401);
        var revokedKey = await Gw3Client.ReadErrorAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin"), 401);

        Assert.Equal("the upload URL's signature is not valid", tampered);
        Assert.Equal("the access key that issued this upload URL is no longer active", revokedUrl);
        Assert.Equal("the access key has been revoked", revokedKey);
        Assert.Empty(await ListFilesAsync(identity));
    }

    [Theory]
    [InlineData("GET", "/gw3/ipfs/not-a-cid", 400)]
    [InlineData("POST", "/gw3/api/v0/pin/add?arg=not-a-cid", 400)]
    [InlineData("PUT", "/gw3/ipfs/not-a-cid/a.txt?size=1", 400)]
    [InlineData("DELETE", "/gw3/ipfs/not-a-cid/a.txt", 400)]
    [InlineData("GET", "/gw3/api/v0/dag/get?arg=not-a-cid", 400)]
    [InlineData("POST", "/gw3/ipfs/?size=lots", 400)]
    [InlineData("POST", "/gw3/ipfs/", 400)]
    [InlineData("POST", "/gw3/api/v0/pin/add?arg=bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", 404)]
    public async Task BadInput_4xxEnvelope_NothingStored(string method, string pathAndQuery, int status)
    {
        var (identity, _, key, secret) = await Gw3Client.IssueAsync(shared.App);
        var client = new Gw3Client(shared.App.CreateClient(), key, secret, Gw3AuthStyle.SignedAsSent);
        var split = pathAndQuery.Split('?', 2);
        var query = split.Length == 1 ? [] : split[1].Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();

        var message = await Gw3Client.ReadErrorAsync(await client.SendAsync(new HttpMethod(method), split[0], query), status);

        Assert.False(string.IsNullOrEmpty(message));
        Assert.Equal(0, (await ReadPinsAsync(client)).GetProperty("total").GetInt32());
        Assert.Empty(await ListFilesAsync(identity));
    }

    // A public upload's blocks (raw, CAR) answer 503 until its push stored them: the documented behaviour of /ipfs/. A
    // request racing the push's last step (blocks written, then the record marked stored) may briefly see 404.
    private static async Task<HttpResponseMessage> WhenStoredAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await send();
            if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    private async Task<Gw3Client> CreateClientAsync(Gw3AuthStyle style, string name = "gw3 user")
    {
        var (_, _, key, secret) = await Gw3Client.IssueAsync(shared.App, name);
        return new Gw3Client(shared.App.CreateClient(), key, secret, style);
    }

    private static async Task<JsonElement> ReadPinsAsync(Gw3Client client) =>
        await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin", [("limit", "100")]));

    private async Task<IReadOnlyList<Core.Uploads.FileRecord>> ListFilesAsync(string identityId)
    {
        var files = (Core.Uploads.FileIndex)shared.App.Services.GetService(typeof(Core.Uploads.FileIndex))!;
        return (await files.ListAsync(identityId, 100, continuation: null)).Items;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
