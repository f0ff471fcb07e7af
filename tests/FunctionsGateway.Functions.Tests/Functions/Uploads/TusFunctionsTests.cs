using System.Net;
using System.Security.Cryptography;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Uploads;

[Collection(AzuriteCollection.Name)]
public sealed class TusFunctionsTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["Gateway:Uploads:BlockSizeBytes"] = "65536",
        ["Gateway:Uploads:MaxFileBytes"] = "500000",
    };

    [Fact]
    public async Task Options_Anonymous_204WithVersionExtensionsMaxSizeAndChecksum()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, TusRequests.Endpoint));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", TusRequests.Header(response, "Tus-Version"));
        Assert.Equal("creation,termination,checksum,expiration", TusRequests.Header(response, "Tus-Extension"));
        Assert.Equal("500000", TusRequests.Header(response, "Tus-Max-Size"));
        Assert.Equal("sha256", TusRequests.Header(response, "Tus-Checksum-Algorithm"));
    }

    [Fact]
    public async Task Upload_ThreeChunks_FileListedWithExactBytesSha256AndStored()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(250_000);
        var metadata = TusRequests.Metadata(("filename", "report.pdf"), ("filetype", "application/pdf"));

        using var created = await client.SendAsync(TusRequests.Create(bytes.Length, metadata));
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^/uploads/tus/[0-9a-f]{32}$", location);
        Assert.Equal("1.0.0", TusRequests.Header(created, "Tus-Resumable"));
        Assert.True(DateTimeOffset.Parse(TusRequests.Header(created, "Upload-Expires"), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        using (var head = await client.SendAsync(TusRequests.Head(location)))
        {
            Assert.Equal("0", TusRequests.Header(head, "Upload-Offset"));
            Assert.Equal("250000", TusRequests.Header(head, "Upload-Length"));
            Assert.Equal(metadata, TusRequests.Header(head, "Upload-Metadata"));
            Assert.Equal("no-store", head.Headers.CacheControl!.ToString());
        }

        foreach (var (start, end) in new[] { (0, 100_000), (100_000, 200_001), (200_001, 250_000) })
        {
            using var patched = await client.SendAsync(TusRequests.Patch(location, start, bytes[start..end]));
            Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
            Assert.Equal(end.ToString(System.Globalization.CultureInfo.InvariantCulture), TusRequests.Header(patched, "Upload-Offset"));
            if (end == bytes.Length)
            {
                var fileId = TusRequests.Header(patched, "X-File-Id");
                Assert.Equal(location["/uploads/tus/".Length..], fileId);
                Assert.Equal($"/v1/files/{fileId}", TusRequests.Header(patched, "X-File-Location"));
            }
            else
            {
                Assert.False(patched.Headers.Contains("X-File-Id"));
            }
        }

        var id = location["/uploads/tus/".Length..];
        var listed = Assert.Single((await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"))).GetProperty("items").EnumerateArray());
        Assert.Equal("report.pdf", listed.GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), listed.GetProperty("sha256").GetString());
        await GatewayApplication.WaitForFileStateAsync(client, id, "stored");
        using var download = await client.GetAsync($"/v1/files/{id}");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        using var finished = await client.SendAsync(TusRequests.Head(location));
        Assert.Equal("250000", TusRequests.Header(finished, "Upload-Offset"));
        Assert.Equal(id, TusRequests.Header(finished, "X-File-Id"));
    }

    [Fact]
    public async Task Create_ZeroLength_FinishedAtOnceAsAnEmptyFile()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();

        using var created = await client.SendAsync(TusRequests.Create(0, TusRequests.Metadata(("filename", "empty.txt"))));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = TusRequests.Header(created, "X-File-Id");
        var status = await GatewayApplication.ReadJsonAsync(await client.GetAsync($"/v1/files/{id}/status"));
        Assert.Equal(0, status.GetProperty("size").GetInt64());
        Assert.Equal("empty.txt", status.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_OffsetMismatch_409AndOffsetUnchanged()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 1000);

        using var response = await client.SendAsync(TusRequests.Patch(location, 10, new byte[10]));

        Assert.Equal("offset_mismatch", await GatewayApplication.ReadErrorCodeAsync(response, 409));
        Assert.Equal("1.0.0", TusRequests.Header(response, "Tus-Resumable"));
        Assert.Equal(0, await TusRequests.OffsetAsync(client, location));
    }

    [Fact]
    public async Task Patch_WrongContentType_415()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 1000);

        using var response = await client.SendAsync(TusRequests.Patch(location, 0, new byte[10], "application/octet-stream"));

        Assert.Equal("unsupported_media_type", await GatewayApplication.ReadErrorCodeAsync(response, 415));
        Assert.Equal(0, await TusRequests.OffsetAsync(client, location));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0.2.2")]
    public async Task AnyRequest_MissingOrOtherTusResumable_412WithTusVersion(string? version)
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 1000);
        foreach (var request in new[] { TusRequests.Create(10), TusRequests.Head(location), TusRequests.Patch(location, 0, new byte[10]), TusRequests.Delete(location) })
        {
            request.Headers.Remove("Tus-Resumable");
            if (version is not null)
            {
                request.Headers.Add("Tus-Resumable", version);
            }

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            Assert.Equal("1.0.0", TusRequests.Header(response, "Tus-Version"));
        }

        Assert.Equal(0, await TusRequests.OffsetAsync(client, location));
    }

    [Fact]
    public async Task Patch_BodyPastLength_413AndNothingRecorded()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 100_000);
        await client.SendAsync(TusRequests.Patch(location, 0, new byte[30_000]));
        // Declared by Content-Length, and found while reading a chunked body.
        var chunked = new StreamContent(new MemoryStream(new byte[200_000]));
        var declared = TusRequests.Patch(location, 30_000, new byte[70_001]);
        var streamed = TusRequests.Patch(location, 30_000, chunked);
        streamed.Headers.TransferEncodingChunked = true;

        foreach (var request in new[] { declared, streamed })
        {
            using var response = await client.SendAsync(request);
            Assert.Equal("payload_too_large", await GatewayApplication.ReadErrorCodeAsync(response, 413));
        }

        Assert.Equal(30_000, await TusRequests.OffsetAsync(client, location));
        Assert.Equal(0, (await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Create_LengthOverMaxSize_413AndNothingCreated()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();

        using var response = await client.SendAsync(TusRequests.Create(500_001));

        Assert.Equal("payload_too_large", await GatewayApplication.ReadErrorCodeAsync(response, 413));
        Assert.Equal("500000", TusRequests.Header(response, "Tus-Max-Size"));
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(null, null, "invalid_upload_length")]
    [InlineData("-1", null, "invalid_upload_length")]
    [InlineData("12", "filename !!!", "invalid_metadata")]
    [InlineData("12", "filename YQ==,filename Yg==", "invalid_metadata")]
    [InlineData("12", "filename YS9i", "invalid_name")]
    [InlineData("12", "filetype bm90IGEgdHlwZQ==", "invalid_filetype")]
    public async Task Create_BadHeaders_400(string? length, string? metadata, string code)
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        using var request = TusRequests.Create(0, metadata);
        request.Headers.Remove("Upload-Length");
        if (length is not null)
        {
            request.Headers.Add("Upload-Length", length);
        }

        Assert.Equal(code, await GatewayApplication.ReadErrorCodeAsync(await client.SendAsync(request), 400));
    }

    [Fact]
    public async Task Patch_ChecksumMatches_204_ChecksumDiffers_460AndOffsetUnchanged()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 200_000);
        var first = RandomNumberGenerator.GetBytes(100_000);
        using var good = TusRequests.Patch(location, 0, first);
        good.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(SHA256.HashData(first)));
        using var bad = TusRequests.Patch(location, 100_000, new byte[100_000]);
        bad.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(SHA256.HashData(first)));
        using var unsupported = TusRequests.Patch(location, 100_000, new byte[100_000]);
        unsupported.Headers.Add("Upload-Checksum", "md5 1B2M2Y8AsgTpgAmY7PhCfg==");

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(good)).StatusCode);
        Assert.Equal("checksum_mismatch", await GatewayApplication.ReadErrorCodeAsync(await client.SendAsync(bad), 460));
        Assert.Equal("invalid_checksum", await GatewayApplication.ReadErrorCodeAsync(await client.SendAsync(unsupported), 400));
        Assert.Equal(100_000, await TusRequests.OffsetAsync(client, location));
    }

    [Fact]
    public async Task OtherIdentity_HeadPatchDelete_404()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (alice, _, _) = await app.CreateUserClientAsync("alice");
        var (mallory, _, _) = await app.CreateUserClientAsync("mallory");
        var location = await TusRequests.CreateAsync(alice, 1000);

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.SendAsync(TusRequests.Head(location))).StatusCode);
        Assert.Equal("upload_not_found", await GatewayApplication.ReadErrorCodeAsync(await mallory.SendAsync(TusRequests.Patch(location, 0, new byte[10])), 404));
        Assert.Equal("upload_not_found", await GatewayApplication.ReadErrorCodeAsync(await mallory.SendAsync(TusRequests.Delete(location)), 404));
        Assert.Equal(0, await TusRequests.OffsetAsync(alice, location));
    }

    [Fact]
    public async Task AnyRoute_NoToken_401()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        using var client = app.CreateClient();
        Assert.Equal("unauthorized", await GatewayApplication.ReadErrorCodeAsync(await client.SendAsync(TusRequests.Create(10)), 401));
    }

    [Fact]
    public async Task Delete_Unfinished_204BlocksDiscardedThen404()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, owner, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 200_000);
        await client.SendAsync(TusRequests.Patch(location, 0, new byte[100_000]));

        using var deleted = await client.SendAsync(TusRequests.Delete(location));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(TusRequests.Head(location))).StatusCode);
        Assert.Equal("upload_not_found", await GatewayApplication.ReadErrorCodeAsync(await client.SendAsync(TusRequests.Patch(location, 100_000, new byte[10])), 404));
        var names = app.Services.GetRequiredService<StorageNames>();
        var staged = owner + "/" + location["/uploads/tus/".Length..];
        Assert.Null(await app.Services.GetRequiredService<IBlobStorage>().GetPropertiesAsync(names.StagingContainer, staged));
    }

    [Fact]
    public async Task MethodOverride_PostAsPatchHeadAndDelete_AnsweredAsThoseMethods()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 1000);
        HttpRequestMessage Override(HttpRequestMessage request)
        {
            request.Headers.Add("X-HTTP-Method-Override", request.Method.Method);
            request.Method = HttpMethod.Post;
            return request;
        }

        using var patched = await client.SendAsync(Override(TusRequests.Patch(location, 0, new byte[400])));
        using var head = await client.SendAsync(Override(TusRequests.Head(location)));
        using var plainPost = TusRequests.Head(location);
        plainPost.Method = HttpMethod.Post;
        using var plain = await client.SendAsync(plainPost);
        using var deleted = await client.SendAsync(Override(TusRequests.Delete(location)));

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal("400", TusRequests.Header(head, "Upload-Offset"));
        Assert.Equal("method_not_allowed", await GatewayApplication.ReadErrorCodeAsync(plain, 405));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(TusRequests.Head(location))).StatusCode);
    }

    [Fact]
    public async Task Patch_TwoAtTheSameOffset_One204One409()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var (client, _, _) = await app.CreateUserClientAsync();
        var location = await TusRequests.CreateAsync(client, 400_000);
        // Both bodies hold back until both requests are on their way, so that the two PATCHes overlap.
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        HttpRequestMessage Gated() => TusRequests.Patch(location, 0, new StreamContent(new GatedStream(new byte[150_000], () =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            return bothStarted.Task;
        })));

        var responses = await Task.WhenAll(client.SendAsync(Gated()), client.SendAsync(Gated()));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        // The loser met the winner's claim (upload_busy), not its finished write (offset_mismatch): the two did overlap.
        Assert.Equal("upload_busy", await GatewayApplication.ReadErrorCodeAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), 409));
        Assert.Equal(150_000, await TusRequests.OffsetAsync(client, location));
    }

    [Fact]
    public async Task Patch_ConnectionCutMidBody_KeepsWhatArrivedAndResumesFromThere()
    {
        await using var app = new GatewayApplication(azurite, SmallLimits);
        var server = app.StartKestrel();
        var (client, _, _) = await app.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var location = await TusRequests.CreateAsync(client, bytes.Length);

        // Real Kestrel, a raw connection: the headers promise 300,000 bytes, 150,000 arrive, then the client is gone.
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(server.Host, server.Port);
            var stream = tcp.GetStream();
            var head = $"PATCH {location} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: {client.DefaultRequestHeaders.Authorization}\r\n" +
                       "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 300000\r\n\r\n";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes.AsMemory(0, 150_000));
            await stream.FlushAsync();
            // The cut comes while the server is reading (Kestrel drops what it buffered for a connection that closed
            // before the request read it), and as a reset, as when a network path breaks.
            await Task.Delay(500);
            tcp.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        }

        var offset = await WaitForOffsetAsync(client, location, o => o > 0);
        Assert.Equal(150_000, offset);
        using var resumed = await client.SendAsync(TusRequests.Patch(location, offset, bytes[(int)offset..]));
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/v1/files/{TusRequests.Header(resumed, "X-File-Id")}"));
    }

    /// <summary>HEADs until the offset satisfies <paramref name="done"/> (the server finishes a cut-off PATCH on its own time).</summary>
    private static async Task<long> WaitForOffsetAsync(HttpClient client, string location, Func<long, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var offset = await TusRequests.OffsetAsync(client, location);
            if (done(offset) || DateTime.UtcNow > deadline)
            {
                return offset;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A body that awaits a gate before its first bytes.</summary>
    private sealed class GatedStream(byte[] data, Func<Task> gate) : Stream
    {
        private readonly MemoryStream _inner = new(data);
        private Task? _opened;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await (_opened ??= gate());
            return await _inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
