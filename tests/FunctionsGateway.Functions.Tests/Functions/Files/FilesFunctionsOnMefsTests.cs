using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.S3;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Files;

/// <summary>The files API with <c>Gateway:Backend:Default=mefs</c>, storing through a real S3 server (s3rver).</summary>
[Collection(MefsCollection.Name)]
public sealed class FilesFunctionsOnMefsTests(AzuriteFixture azurite, S3rverFixture s3rver)
{
    [Fact]
    public async Task PutGetDelete_DefaultBackendMefs_ObjectInTheOwnersBucketServedWholeAndByRangeThenRemoved()
    {
        await using var app = CreateApplication();
        var (client, identityId, _) = await app.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(40_000);

        var id = (await GatewayApplication.ReadJsonAsync(await client.PutAsync("/v1/files/data.bin", new ByteArrayContent(bytes)))).GetProperty("id").GetString()!;
        var status = await GatewayApplication.WaitForFileStateAsync(client, id, "stored");
        using var whole = await client.GetAsync($"/v1/files/{id}");
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/v1/files/{id}");
        ranged.Headers.Range = new RangeHeaderValue(30_000, 30_009);
        using var part = await client.SendAsync(ranged);
        using var s3 = s3rver.CreateClient();
        using var inBucket = await s3.GetObjectAsync("fg-" + identityId, id + "/data.bin");

        Assert.Equal("mefs", status.GetProperty("backend").GetString());
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 30000-30009/40000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[30_000..30_010], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(40_000, inBucket.ContentLength);

        using var deleted = await client.DeleteAsync($"/v1/files/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync("fg-" + identityId, id + "/data.bin"));
        Assert.Equal("NoSuchKey", gone.ErrorCode);
    }

    [Fact]
    public async Task GetFile_S3ServerDown_503WithRetryAfter()
    {
        await using var app = CreateApplication(new() { ["Gateway:Mefs:MaxRetries"] = "0" });
        var (client, _, _) = await app.CreateUserClientAsync();
        var id = (await GatewayApplication.ReadJsonAsync(await client.PutAsync("/v1/files/a.txt", new StringContent("stored in mefs")))).GetProperty("id").GetString()!;
        await GatewayApplication.WaitForFileStateAsync(client, id, "stored");

        HttpResponseMessage response;
        await s3rver.StopAsync();
        try
        {
            response = await client.GetAsync($"/v1/files/{id}");
        }
        finally
        {
            await s3rver.StartAsync();
        }

        using (response)
        {
            Assert.Equal("backend_unavailable", await GatewayApplication.ReadErrorCodeAsync(response, 503));
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }

    private GatewayApplication CreateApplication(Dictionary<string, string?>? overrides = null)
    {
        var settings = s3rver.Settings();
        settings["Gateway:Backend:Default"] = MefsBackend.BackendName;
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return new GatewayApplication(azurite, settings);
    }
}
