using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsGateway.Functions.Tests.Functions.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class DirectUploadFunctionsTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["Gateway:Uploads:BlockSizeBytes"] = "65536",
        ["Gateway:Uploads:MaxFileBytes"] = "500000",
    };

    // The client's side: plain HTTP to Blob storage with the SAS, never through the gateway.
    private static readonly HttpClient Storage = new();

    [Fact]
    public async Task Upload_BlocksPutStraightToBlobStorage_CompleteAnswersTheFileWithTheSameBytesAndStores()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(150_000);

        using var created = await client.PostAsJsonAsync("/uploads", new { name = "video.mp4", contentType = "video/mp4", size = bytes.Length });
        var upload = await GatewayApplication.ReadJsonAsync(created);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(65536, upload.GetProperty("blockSizeBytes").GetInt32());
        Assert.InRange(upload.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        var id = upload.GetProperty("uploadId").GetString()!;
        await PutBlocksAsync(upload.GetProperty("blobUrl").GetString()!, bytes, 65536);

        using var completed = await client.PostAsync($"/uploads/{id}/complete", null);
        var file = await GatewayApplication.ReadJsonAsync(completed);

        Assert.Equal(HttpStatusCode.Created, completed.StatusCode);
        Assert.Equal($"/v1/files/{id}", completed.Headers.Location!.OriginalString);
        Assert.Equal(id, file.GetProperty("id").GetString());
        Assert.Equal("video.mp4", file.GetProperty("name").GetString());
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        Assert.Equal("staged", file.GetProperty("state").GetString());
        await GatewayApplication.WaitForFileStateAsync(client, id, "stored");
        using var download = await client.GetAsync($"/v1/files/{id}");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Complete_Twice_SecondAnswers200WithTheSameFile()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var (id, blobUrl) = await CreateAsync(client, new { name = "a.bin" });
        await PutBlocksAsync(blobUrl, Encoding.UTF8.GetBytes("twice"), 65536);

        var first = await GatewayApplication.ReadJsonAsync(await client.PostAsync($"/uploads/{id}/complete", null));
        using var again = await client.PostAsync($"/uploads/{id}/complete", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetRawText(), (await GatewayApplication.ReadJsonAsync(again)).GetRawText());
        Assert.Single((await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Complete_BeforeCommit_409SayingWhatToDo()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var (id, blobUrl) = await CreateAsync(client, new { name = "a.bin" });
        // Blocks staged but no Put Block List: nothing is committed yet.
        using (var block = await Storage.PutAsync($"{blobUrl}&comp=block&blockid={Uri.EscapeDataString(BlockId(0))}", new ByteArrayContent([1, 2, 3])))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }

        using var response = await client.PostAsync($"/uploads/{id}/complete", null);

        Assert.Equal("upload_not_committed", await GatewayApplication.ReadErrorCodeAsync(response, 409));
        Assert.Contains("Put Block List", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Complete_NotTheDeclaredSize_409()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var (id, blobUrl) = await CreateAsync(client, new { name = "a.bin", size = 10 });
        await PutBlocksAsync(blobUrl, new byte[9], 65536);

        Assert.Equal("size_mismatch", await GatewayApplication.ReadErrorCodeAsync(await client.PostAsync($"/uploads/{id}/complete", null), 409));
    }

    [Fact]
    public async Task Sas_WritesOnlyItsOwnBlob_ReadingItOrTouchingAnotherBlobIsRefused()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var (_, blobUrl) = await CreateAsync(client, new { name = "a.bin" });
        var (_, otherUrl) = await CreateAsync(client, new { name = "b.bin" });
        await PutBlocksAsync(blobUrl, [1, 2, 3], 65536);
        await PutBlocksAsync(otherUrl, [4, 5, 6], 65536);
        var sas = new Uri(blobUrl).Query;
        var other = new Uri(otherUrl).GetLeftPart(UriPartial.Path);
        var container = string.Join('/', new Uri(blobUrl).GetLeftPart(UriPartial.Path).Split('/')[..^2]); // less {owner}/{id}

        using var readOwn = await Storage.GetAsync(blobUrl);
        using var readOther = await Storage.GetAsync(other + sas);
        using var writeOther = await Storage.PutAsync($"{other}{sas}&comp=block&blockid={Uri.EscapeDataString(BlockId(0))}", new ByteArrayContent([9]));
        using var listContainer = await Storage.GetAsync($"{container}{sas}&restype=container&comp=list");

        Assert.Equal(HttpStatusCode.Forbidden, readOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listContainer.StatusCode);
    }

    [Fact]
    public async Task Create_DeclaredSizeOverLimit_413AndNothingCreated()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();

        Assert.Equal("payload_too_large", await GatewayApplication.ReadErrorCodeAsync(
            await client.PostAsJsonAsync("/uploads", new { name = "big", size = 500_001 }), 413));
    }

    [Theory]
    [InlineData("{}", "invalid_name")]
    [InlineData("{\"name\":\"a/b\"}", "invalid_name")]
    [InlineData("{\"name\":\"a\",\"contentType\":\"not a type\"}", "invalid_content_type")]
    [InlineData("{\"name\":\"a\",\"size\":-1}", "invalid_size")]
    public async Task Create_BadBody_400(string json, string code)
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();

        using var response = await client.PostAsync("/uploads", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(code, await GatewayApplication.ReadErrorCodeAsync(response, 400));
    }

    [Fact]
    public async Task Create_CredentialCannotSignSas_501SayingSo()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits, services => services.Replace(ServiceDescriptor.Singleton<IBlobStorage>(
            sp => new UnsignedBlobStorage(BlobStorageClientFor(azurite)))));
        var (client, _, _) = await app.CreateUserClientAsync();

        using var response = await client.PostAsJsonAsync("/uploads", new { name = "a.bin" });

        Assert.Equal("direct_upload_unavailable", await GatewayApplication.ReadErrorCodeAsync(response, 501));
        Assert.Contains("user-delegation SAS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_OtherIdentityOrTusUpload_404()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (alice, _, _) = await app.CreateUserClientAsync("alice");
        var (mallory, _, _) = await app.CreateUserClientAsync("mallory");
        var (id, blobUrl) = await CreateAsync(alice, new { name = "a.bin" });
        await PutBlocksAsync(blobUrl, [1], 65536);
        var tus = (await TusRequests.CreateAsync(alice, 10))["/uploads/tus/".Length..];

        Assert.Equal("upload_not_found", await GatewayApplication.ReadErrorCodeAsync(await mallory.PostAsync($"/uploads/{id}/complete", null), 404));
        Assert.Equal("upload_not_found", await GatewayApplication.ReadErrorCodeAsync(await alice.PostAsync($"/uploads/{tus}/complete", null), 404));
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/uploads/{id}/complete", null)).StatusCode);
    }

    [Fact]
    public async Task Complete_ThenBlobRewrittenWithTheStillValidSas_FileRefusesTheNewBytes()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>(SmallLimits) { ["Gateway:Uploads:PushWorker"] = "Off" });
        var (client, owner, _) = await app.CreateUserClientAsync();
        var (id, blobUrl) = await CreateAsync(client, new { name = "a.bin" });
        await PutBlocksAsync(blobUrl, Encoding.UTF8.GetBytes("original"), 65536);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/uploads/{id}/complete", null)).StatusCode);

        await PutBlocksAsync(blobUrl, Encoding.UTF8.GetBytes("tampered"), 65536);

        Assert.Equal("content_missing", await GatewayApplication.ReadErrorCodeAsync(await client.GetAsync($"/v1/files/{id}"), 404));
        var push = await app.Services.GetRequiredService<PushProcessor>().ProcessAsync($$"""{"owner":"{{owner}}","file":"{{id}}"}""", 1);
        Assert.Equal(PushOutcomeKind.Retry, push.Kind);
        Assert.Contains("rewritten", push.Reason, StringComparison.Ordinal);
    }

    private static async Task<(string Id, string BlobUrl)> CreateAsync(HttpClient client, object body)
    {
        var upload = await GatewayApplication.ReadJsonAsync(await client.PostAsJsonAsync("/uploads", body));
        return (upload.GetProperty("uploadId").GetString()!, upload.GetProperty("blobUrl").GetString()!);
    }

    /// <summary>Put Block for each piece, then Put Block List, with nothing but the SAS URL (spec/azure.md §4.3).</summary>
    private static async Task PutBlocksAsync(string blobUrl, byte[] bytes, int blockSize)
    {
        var ids = new List<string>();
        for (var offset = 0; offset < bytes.Length || ids.Count == 0; offset += blockSize)
        {
            var id = BlockId(ids.Count);
            using var block = await Storage.PutAsync($"{blobUrl}&comp=block&blockid={Uri.EscapeDataString(id)}", new ByteArrayContent(bytes[offset..Math.Min(bytes.Length, offset + blockSize)]));
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
            ids.Add(id);
        }

        var list = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>" + string.Concat(ids.Select(i => $"<Latest>{i}</Latest>")) + "</BlockList>";
        using var commit = await Storage.PutAsync($"{blobUrl}&comp=blocklist", new StringContent(list, Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.Created, commit.StatusCode);
    }

    private static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{index:D6}"));

    private static BlobStorageClient BlobStorageClientFor(AzuriteFixture azurite) =>
        new(StorageConnectionSettings.Parse(azurite.ConnectionString), new AzureStorageOptions());
}
