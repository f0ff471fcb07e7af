using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Ipfs;

/// <summary>The path gateway: files whole and by range, directories, visibility, caching headers and errors.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IpfsGatewayTests(AzuriteFixture azurite, SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    [Fact]
    public async Task Get_AddedFileAfterPush_BytesWithTheGatewayHeaders_304_Head()
    {
        var (app, client) = (shared.App, shared.User);
        var cid = (await KuboRpc.AddPublishedAsync(app, client, "", ("hello.txt", "hello world"u8.ToArray()))).Single();
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync($"/ipfs/{cid}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/ipfs/{cid}");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{cid}\""));
        using var notModified = await anonymous.SendAsync(again);
        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/ipfs/{cid}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello world", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(11, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{cid}\"", response.Headers.ETag!.ToString());
        Assert.Equal("public, max-age=29030400, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal($"/ipfs/{cid}", response.Headers.GetValues("X-Ipfs-Path").Single());
        Assert.Equal(cid, response.Headers.GetValues("X-Ipfs-Roots").Single());
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(11, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_Range_206WithContentRange_SuffixRange_MultiRangeWhole_OutsideRange416()
    {
        var (app, client) = (shared.App, shared.User);
        var bytes = RandomNumberGenerator.GetBytes(150_000);
        var cid = (await KuboRpc.AddPublishedAsync(app, client, "chunker=size-4096&max-file-links=8", ("r.bin", bytes))).Single();
        using var anonymous = app.CreateClient();

        using var part = await SendAsync(anonymous, $"/ipfs/{cid}", r => r.Headers.Range = new RangeHeaderValue(100_000, 100_009));
        using var tail = await SendAsync(anonymous, $"/ipfs/{cid}", r => r.Headers.Range = new RangeHeaderValue(null, 5));
        using var two = await SendAsync(anonymous, $"/ipfs/{cid}", r => r.Headers.TryAddWithoutValidation("Range", "bytes=0-1,5-6"));
        using var outside = await SendAsync(anonymous, $"/ipfs/{cid}", r => r.Headers.Range = new RangeHeaderValue(150_000, null));

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 100000-100009/150000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[100_000..100_010], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes[^5..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(bytes, await two.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, outside.StatusCode);
        Assert.Equal("bytes */150000", outside.Content.Headers.ContentRange!.ToString());
        Assert.Contains(cid, await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FilenameAndDownload_ContentDispositionAndTypeFromTheName()
    {
        var (app, client) = (shared.App, shared.User);
        var cid = (await KuboRpc.AddPublishedAsync(app, client, "", ("x", "%PDF-1.4 not really"u8.ToArray()))).Single();
        using var anonymous = app.CreateClient();

        using var sniffed = await anonymous.GetAsync($"/ipfs/{cid}");
        using var inline = await anonymous.GetAsync($"/ipfs/{cid}?filename=notes.txt");
        using var attachment = await anonymous.GetAsync($"/ipfs/{cid}?filename={Uri.EscapeDataString("тест.txt")}&download=true");

        Assert.Equal("application/pdf", sniffed.Content.Headers.ContentType!.MediaType);
        Assert.Null(sniffed.Content.Headers.ContentDisposition);
        Assert.Equal("text/plain", inline.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("notes.txt", inline.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("attachment", attachment.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("тест.txt", attachment.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("____.txt", attachment.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task Get_WrappedFiles_PathResolves_DirectoryRedirectsThenLists()
    {
        var (app, client) = (shared.App, shared.User);
        var hashes = await KuboRpc.AddPublishedAsync(app, client, "wrap-with-directory=true", ("a.txt", "alpha"u8.ToArray()), ("b c.txt", "beta"u8.ToArray()));
        var (a, dir) = (hashes[0], hashes[^1]);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var file = await anonymous.GetAsync($"/ipfs/{dir}/a.txt");
        using var spaced = await anonymous.GetAsync($"/ipfs/{dir}/b%20c.txt");
        using var redirect = await anonymous.GetAsync($"/ipfs/{dir}?x=1");
        using var listing = await anonymous.GetAsync($"/ipfs/{dir}/");

        Assert.Equal("alpha", await file.Content.ReadAsStringAsync());
        Assert.Equal($"{dir},{a}", file.Headers.GetValues("X-Ipfs-Roots").Single());
        Assert.Equal("beta", await spaced.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/ipfs/{dir}/?x=1", redirect.Headers.Location!.OriginalString);
        Assert.Equal("text/html; charset=utf-8", listing.Content.Headers.ContentType!.ToString());
        var html = await listing.Content.ReadAsStringAsync();
        Assert.Contains("href=\"./a.txt\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"./b%20c.txt\"", html, StringComparison.Ordinal);
        Assert.Contains(a, html, StringComparison.Ordinal);
        Assert.Equal($"\"DirIndex-1_CID-{dir}\"", listing.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Get_DirectoryWithIndexHtml_TheIndexIsServed()
    {
        var (app, client) = (shared.App, shared.User);
        var hashes = await KuboRpc.AddPublishedAsync(app, client, "wrap-with-directory=true", ("index.html", "<p>home</p>"u8.ToArray()), ("other.txt", "x"u8.ToArray()));
        var (index, dir) = (hashes[0], hashes[^1]);

        using var response = await app.CreateClient().GetAsync($"/ipfs/{dir}/");

        Assert.Equal("<p>home</p>", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{index}\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Get_PendingPublicUpload_BytesFromTheStage_TrustlessFormats503WithRetryAfter()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Uploads:PushWorker"] = "Off" });
        var (client, _, _) = await app.CreateUserClientAsync();
        var lines = await KuboRpc.AddAsync(client, "wrap-with-directory=true", ("pending.txt", "not pushed yet"u8.ToArray()));
        var (cid, dir) = (lines[0].GetProperty("Hash").GetString()!, lines[^1].GetProperty("Hash").GetString()!);
        using var anonymous = app.CreateClient();

        using var whole = await anonymous.GetAsync($"/ipfs/{cid}");
        using var throughDirectory = await anonymous.GetAsync($"/ipfs/{dir}/pending.txt");
        using var part = await SendAsync(anonymous, $"/ipfs/{cid}", r => r.Headers.Range = new RangeHeaderValue(4, 9));
        using var raw = await anonymous.GetAsync($"/ipfs/{cid}?format=raw");
        using var car = await anonymous.GetAsync($"/ipfs/{cid}?format=car");

        Assert.Equal("not pushed yet", await whole.Content.ReadAsStringAsync());
        Assert.Equal("not pushed yet", await throughDirectory.Content.ReadAsStringAsync());
        Assert.Equal("pushed", await part.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, raw.StatusCode);
        Assert.NotNull(raw.Headers.RetryAfter);
        Assert.Contains("not stored yet", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, car.StatusCode);
    }

    [Fact]
    public async Task Get_PrivateFilesApiUpload_NotServedByCidEvenAfterPush()
    {
        var (app, client) = (shared.App, shared.User);
        var file = await GatewayApplication.ReadJsonAsync(await client.PutAsync("/v1/files/secret.txt", new StringContent("private bytes")));
        var (id, cid) = (file.GetProperty("id").GetString()!, file.GetProperty("cid").GetString()!);
        await WaitForStoredAsync(client, id);
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync($"/ipfs/{cid}");
        using var raw = await anonymous.GetAsync($"/ipfs/{cid}?format=raw");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"{cid} is not available", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
    }

    [Theory]
    [InlineData("/ipfs/not-a-cid", "", 400, "invalid CID \"not-a-cid\"")]
    [InlineData("/ipfs/bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa", "", 404, "bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa is not available")]
    [InlineData("/ipfs/{dir}/missing.txt", "", 404, "no link named \"missing.txt\" under {dir}")]
    [InlineData("/ipfs/{dir}/a.txt/deeper", "", 404, "is a file, not a directory")]
    [InlineData("/ipfs/{dir}?format=tar", "", 400, "format=tar is not supported")]
    [InlineData("/ipfs/{dir}?format=bogus", "", 400, "unknown format \"bogus\"")]
    [InlineData("/ipfs/{dir}", "application/x-tar", 406, "none of the types in Accept")]
    [InlineData("/ipfs/{dir}", "application/vnd.ipld.car; version=2", 406, "none of the types in Accept")]
    [InlineData("/ipfs/{dir}/a.txt?format=raw", "", 400, "a raw block is requested by CID alone")]
    [InlineData("/ipfs/{dir}?format=car&dag-scope=some", "", 400, "dag-scope \"some\" is not block, entity or all")]
    [InlineData("/ipfs/{dir}/a.txt?format=car&entity-bytes=x:1", "", 400, "from must be an integer")]
    [InlineData("/ipfs/{dir}/a.txt?format=car&entity-bytes=5:*", "", 400, "starts past the end")]
    [InlineData("/ipfs/{dir}?format=car&car-version=2", "", 400, "CAR version 2 is not supported")]
    public async Task Get_BadRequest_StatusWithAPreciseMessage(string url, string accept, int status, string message)
    {
        var (app, client) = (shared.App, shared.User);
        var dir = await shared.OnceAsync("dir", async () => (await KuboRpc.AddPublishedAsync(app, client, "wrap-with-directory=true", ("a.txt", "abc"u8.ToArray())))[^1]);
        using var anonymous = app.CreateClient();

        using var response = await SendAsync(anonymous, url.Replace("{dir}", dir, StringComparison.Ordinal), r =>
        {
            if (accept.Length > 0)
            {
                r.Headers.TryAddWithoutValidation("Accept", accept);
            }
        });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains(message.Replace("{dir}", dir, StringComparison.Ordinal), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EmptyIdentityCid_200EmptyInEveryFormat()
    {
        using var anonymous = shared.App.CreateClient();

        using var plain = await anonymous.GetAsync("/ipfs/bafkqaaa");
        using var raw = await anonymous.GetAsync("/ipfs/bafkqaaa?format=raw");
        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/ipfs/bafkqaaa"));

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(await plain.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Empty(await raw.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.ipld.raw", raw.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return await client.SendAsync(request);
    }

    private static async Task WaitForStoredAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await GatewayApplication.ReadJsonAsync(await client.GetAsync($"/v1/files/{id}/status"))).GetProperty("state").GetString() != "stored")
        {
            Assert.True(DateTime.UtcNow < deadline, $"file {id} was not stored");
            await Task.Delay(100);
        }
    }
}
