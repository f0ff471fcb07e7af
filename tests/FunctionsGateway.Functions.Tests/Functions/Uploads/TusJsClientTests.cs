using System.Security.Cryptography;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Uploads;

/// <summary>
/// The tus functions end to end with the real tus client (tus-js-client in Node) against the handler on real
/// Kestrel: chunked uploads, relative <c>Location</c>, <c>Tus-Resumable</c>, and resuming after the connection is cut.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TusJsClientTests(AzuriteFixture azurite, TusJsClientFixture tus) : IClassFixture<TusJsClientFixture>, IDisposable
{
    private static readonly Dictionary<string, string?> SmallBlocks = new()
    {
        ["Gateway:Uploads:BlockSizeBytes"] = "65536",
        ["Gateway:Uploads:MaxFileBytes"] = "10000000",
    };

    private readonly string _file = Path.Combine(Path.GetTempPath(), "fg-tus-" + Guid.NewGuid().ToString("N")[..8] + ".bin");

    [Fact]
    public async Task Upload_InChunks_FileHasTheSameBytes()
    {
        await using var app = new GatewayApplication(azurite, SmallBlocks);
        var server = app.StartKestrel();
        var (client, _, _) = await app.CreateUserClientAsync();
        var bytes = await WriteFileAsync(1024 * 1024 + 123);

        var result = await tus.UploadAsync(new Uri(server, TusRequests.Endpoint), _file, Token(client), chunkSize: 256 * 1024);

        var fileId = result.GetProperty("fileId").GetString()!;
        Assert.Equal(new Uri(server, $"/uploads/tus/{fileId}").AbsoluteUri, result.GetProperty("uploadUrl").GetString());
        var status = await GatewayApplication.ReadJsonAsync(await client.GetAsync($"/v1/files/{fileId}/status"));
        Assert.Equal(Path.GetFileName(_file), status.GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), status.GetProperty("sha256").GetString());
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/v1/files/{fileId}"));
    }

    [Fact]
    public async Task Upload_AbortedMidChunkThenResumedWithItsUrl_FileHasTheSameBytes()
    {
        await using var app = new GatewayApplication(azurite, SmallBlocks);
        var server = app.StartKestrel();
        var (client, _, _) = await app.CreateUserClientAsync();
        var bytes = await WriteFileAsync(2 * 1024 * 1024);
        var endpoint = new Uri(server, TusRequests.Endpoint);

        var first = await tus.UploadAsync(endpoint, _file, Token(client), chunkSize: 512 * 1024, abortAfter: 768 * 1024);
        Assert.True(first.GetProperty("aborted").GetBoolean());
        var uploadUrl = first.GetProperty("uploadUrl").GetString()!;
        var offset = await TusRequests.OffsetAsync(client, new Uri(uploadUrl).AbsolutePath);
        Assert.InRange(offset, 512 * 1024, bytes.Length - 1);

        var resumed = await tus.UploadAsync(endpoint, _file, Token(client), chunkSize: 512 * 1024, uploadUrl: uploadUrl);

        var fileId = resumed.GetProperty("fileId").GetString()!;
        Assert.Equal(uploadUrl, resumed.GetProperty("uploadUrl").GetString());
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/v1/files/{fileId}"));
    }

    public void Dispose() => File.Delete(_file);

    private static string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    private async Task<byte[]> WriteFileAsync(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        await File.WriteAllBytesAsync(_file, bytes);
        return bytes;
    }
}
