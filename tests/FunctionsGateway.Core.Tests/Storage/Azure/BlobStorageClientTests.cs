using System.Net;
using System.Text;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Configuration;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

[Collection(AzuriteCollection.Name)]
public sealed class BlobStorageClientTests(AzuriteFixture azurite)
{
    private static readonly HttpClient Http = new();

    private readonly BlobStorageClient _client = new(AzuriteStorage.Settings(azurite), AzuriteStorage.NoRetries);

    [Fact]
    public async Task CreateContainerIfNotExistsAsync_Twice_DoesNotThrow()
    {
        var container = AzuriteFixture.UniqueName();

        await _client.CreateContainerIfNotExistsAsync(container);
        await _client.CreateContainerIfNotExistsAsync(container);

        Assert.Empty(await _client.ListAsync(container).ToListAsync());
    }

    [Fact]
    public async Task UploadIfAbsentAsync_TwoWriters_OnlyTheFirstCreatesTheBlob()
    {
        var container = await NewContainerAsync();

        var first = await _client.UploadIfAbsentAsync(container, "once.txt", Encoding.ASCII.GetBytes("first"));
        var second = await _client.UploadIfAbsentAsync(container, "once.txt", Encoding.ASCII.GetBytes("second"));

        Assert.NotNull(first);
        Assert.Null(second);
        await using var download = await _client.DownloadAsync(container, "once.txt");
        using var reader = new StreamReader(download!.Content);
        Assert.Equal("first", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task CommitBlockListAsync_ThreeStagedBlocks_DownloadEqualsTheirConcatenation()
    {
        var container = await NewContainerAsync();
        var blocks = new[] { Bytes(1000, 1), Bytes(2500, 2), Bytes(17, 3) };
        var ids = new[] { BlockId(0), BlockId(1), BlockId(2) };
        for (var i = 0; i < blocks.Length; i++)
        {
            await _client.StageBlockAsync(container, "staged.bin", ids[i], blocks[i]);
        }

        var properties = await _client.CommitBlockListAsync(
            container, "staged.bin", ids, new BlobHttpHeaders("application/x-test", "attachment; filename=\"s.bin\""));

        var expected = blocks.SelectMany(b => b).ToArray();
        Assert.Equal(expected.Length, properties.ContentLength);
        Assert.Equal("application/x-test", properties.ContentType);
        Assert.NotEmpty(properties.ETag);
        Assert.NotNull(properties.LastModified);
        Assert.Equal(expected, await DownloadBytesAsync(container, "staged.bin"));
    }

    [Fact]
    public async Task CommitBlockListAsync_SubsetInOtherOrder_KeepsOnlyListedBlocksInThatOrder()
    {
        var container = await NewContainerAsync();
        await _client.StageBlockAsync(container, "b", BlockId(0), Bytes(10, 1));
        await _client.StageBlockAsync(container, "b", BlockId(1), Bytes(20, 2));
        await _client.StageBlockAsync(container, "b", BlockId(2), Bytes(30, 3));

        await _client.CommitBlockListAsync(container, "b", [BlockId(2), BlockId(0)]);

        Assert.Equal(Bytes(30, 3).Concat(Bytes(10, 1)).ToArray(), await DownloadBytesAsync(container, "b"));
    }

    [Fact]
    public async Task StageBlockAsync_LargeBlocks_DownloadStreamsThemBack()
    {
        var container = await NewContainerAsync();
        var big = Bytes(6 * 1024 * 1024, 11);
        await _client.StageBlockAsync(container, "big.bin", BlockId(0), big.AsMemory(0, 4 * 1024 * 1024));
        await _client.StageBlockAsync(container, "big.bin", BlockId(1), big.AsMemory(4 * 1024 * 1024));

        var properties = await _client.CommitBlockListAsync(container, "big.bin", [BlockId(0), BlockId(1)]);

        await using var download = await _client.DownloadAsync(container, "big.bin");
        Assert.NotNull(download);
        Assert.IsNotType<MemoryStream>(download.Content);
        Assert.Equal(big.Length, properties.ContentLength);
        Assert.Equal(big, await ReadAllAsync(download.Content));
    }

    [Fact]
    public async Task UploadAsync_SmallBlob_DownloadReturnsContentAndProperties()
    {
        var container = await NewContainerAsync();
        var content = Encoding.UTF8.GetBytes("hello, blob");

        var uploaded = await _client.UploadAsync(container, "dir/hello.txt", content, new BlobHttpHeaders("text/plain"));

        await using var download = await _client.DownloadAsync(container, "dir/hello.txt");
        Assert.NotNull(download);
        Assert.Equal(content.Length, uploaded.ContentLength);
        Assert.Equal("text/plain", uploaded.ContentType);
        Assert.Equal(uploaded.ETag, download.Properties.ETag);
        Assert.Equal("text/plain", download.Properties.ContentType);
        Assert.Equal(content.Length, download.Properties.ContentLength);
        Assert.Null(download.ContentRange);
        Assert.Equal(content, await ReadAllAsync(download.Content));
    }

    [Fact]
    public async Task UploadAsync_Existing_ReplacesContent()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "x", Bytes(100, 1), new BlobHttpHeaders("text/plain"));

        var replaced = await _client.UploadAsync(container, "x", Bytes(5, 2));

        Assert.Equal(Bytes(5, 2), await DownloadBytesAsync(container, "x"));
        Assert.Equal("application/octet-stream", replaced.ContentType);
        Assert.Equal(replaced, await _client.GetPropertiesAsync(container, "x"));
    }

    [Theory]
    [InlineData("name with spaces.txt")]
    [InlineData("a/b/c.txt")]
    [InlineData("ünï cødé/€ % + & ? #.bin")]
    [InlineData("quote's (1).txt")]
    public async Task UploadAsync_AwkwardNames_RoundTrip(string name)
    {
        var container = await NewContainerAsync();

        await _client.UploadAsync(container, name, Bytes(10, 7));

        Assert.Equal(Bytes(10, 7), await DownloadBytesAsync(container, name));
        var listed = Assert.Single(await _client.ListAsync(container).ToListAsync());
        Assert.Equal(name, listed.Name);
        Assert.True(await _client.DeleteAsync(container, name));
    }

    [Fact]
    public async Task DownloadAsync_Range_ReturnsThoseBytesAndTheWholeLength()
    {
        var container = await NewContainerAsync();
        var content = Bytes(5000, 9);
        await _client.UploadAsync(container, "r.bin", content);

        await using var download = await _client.DownloadAsync(container, "r.bin", new BlobRange(1000, 300));

        Assert.NotNull(download);
        Assert.Equal(5000, download.Properties.ContentLength);
        Assert.Equal(new BlobRange(1000, 300), download.ContentRange);
        Assert.Equal(content[1000..1300], await ReadAllAsync(download.Content));
    }

    [Fact]
    public async Task DownloadAsync_OpenEndedRange_ReturnsTheRest()
    {
        var container = await NewContainerAsync();
        var content = Bytes(4096, 4);
        await _client.UploadAsync(container, "r.bin", content);

        await using var download = await _client.DownloadAsync(container, "r.bin", new BlobRange(4000));

        Assert.NotNull(download);
        Assert.Equal(4096, download.Properties.ContentLength);
        Assert.Equal(new BlobRange(4000, 96), download.ContentRange);
        Assert.Equal(content[4000..], await ReadAllAsync(download.Content));
    }

    [Fact]
    public async Task DownloadAsync_RangeStartingPastTheEnd_Throws416()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "r.bin", Bytes(10, 1));

        // Azure answers 416 from offset 10 (= length) on; Azurite 3.35 only past it (BlobHandler: rangeStart > length).
        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.DownloadAsync(container, "r.bin", new BlobRange(11, 5)));

        Assert.Equal(416, error.Status);
        Assert.False(error.IsUnavailable);
    }

    [Fact]
    public async Task DownloadAsync_MissingBlobOrContainer_ReturnsNull()
    {
        var container = await NewContainerAsync();

        Assert.Null(await _client.DownloadAsync(container, "missing"));
        Assert.Null(await _client.DownloadAsync(AzuriteFixture.UniqueName(), "missing"));
    }

    [Fact]
    public async Task GetPropertiesAsync_ExistingAndMissing_ReturnsPropertiesOrNull()
    {
        var container = await NewContainerAsync();
        var uploaded = await _client.UploadAsync(container, "p", Bytes(123, 1), new BlobHttpHeaders("image/png"));

        var properties = await _client.GetPropertiesAsync(container, "p");

        Assert.NotNull(properties);
        Assert.Equal(123, properties.ContentLength);
        Assert.Equal("image/png", properties.ContentType);
        Assert.Equal(uploaded.ETag, properties.ETag);
        Assert.Null(await _client.GetPropertiesAsync(container, "missing"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenAgain_TrueThenFalse()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "d", Bytes(1, 1));

        Assert.True(await _client.DeleteAsync(container, "d"));
        Assert.False(await _client.DeleteAsync(container, "d"));
        Assert.Null(await _client.GetPropertiesAsync(container, "d"));
    }

    [Fact]
    public async Task ListAsync_PrefixOverSeveralPages_ReturnsEveryMatchOnce()
    {
        var container = await NewContainerAsync();
        var client = new BlobStorageClient(AzuriteStorage.Settings(azurite), AzuriteStorage.NoRetries) { ListPageSize = 2 };
        for (var i = 0; i < 5; i++)
        {
            await client.UploadAsync(container, $"in/{i}.txt", Bytes(i + 1, 1), new BlobHttpHeaders("text/plain"));
        }

        await client.UploadAsync(container, "out/0.txt", Bytes(1, 1));
        await client.UploadAsync(container, "index.txt", Bytes(1, 1));

        var items = await client.ListAsync(container, "in/").ToListAsync();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"in/{i}.txt"), items.Select(i => i.Name));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), items.Select(i => i.ContentLength));
        Assert.All(items, i => Assert.Equal("text/plain", i.ContentType));
        Assert.All(items, i => Assert.NotNull(i.LastModified));
        Assert.Equal(7, (await client.ListAsync(container).ToListAsync()).Count);
    }

    [Fact]
    public async Task ListAsync_MissingContainer_IsEmpty()
    {
        Assert.Empty(await _client.ListAsync(AzuriteFixture.UniqueName()).ToListAsync());
    }

    [Fact]
    public async Task CreateSasUri_Read_PlainHttpGetSucceeds()
    {
        var container = await NewContainerAsync();
        var content = Bytes(300, 5);
        await _client.UploadAsync(container, "sas/read me.bin", content, new BlobHttpHeaders("application/octet-stream", "attachment"));

        var uri = _client.CreateSasUri(container, "sas/read me.bin", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5));

        using var response = await Http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Contains("sp=r&", uri.Query, StringComparison.Ordinal);
        Assert.Contains("spr=https%2Chttp", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSasUri_CreateWrite_PlainHttpPutBlockAndPutBlockListSucceed()
    {
        var container = await NewContainerAsync();
        var uri = _client.CreateSasUri(container, "upload.bin", BlobSasPermissions.Create | BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(5));
        var blocks = new[] { Bytes(700, 1), Bytes(300, 2) };

        for (var i = 0; i < blocks.Length; i++)
        {
            using var put = await Http.PutAsync($"{uri}&comp=block&blockid={Uri.EscapeDataString(BlockId(i))}", new ByteArrayContent(blocks[i]));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var blockList = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>{BlockId(0)}</Latest><Latest>{BlockId(1)}</Latest></BlockList>";
        using var commit = await Http.PutAsync($"{uri}&comp=blocklist", new StringContent(blockList, Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.Created, commit.StatusCode);
        Assert.Equal(blocks[0].Concat(blocks[1]).ToArray(), await DownloadBytesAsync(container, "upload.bin"));
    }

    [Fact]
    public async Task CreateSasUri_ReadOnly_WriteIsRefused()
    {
        var container = await NewContainerAsync();
        var uri = _client.CreateSasUri(container, "ro.bin", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5));

        using var put = await Http.PutAsync($"{uri}&comp=block&blockid={Uri.EscapeDataString(BlockId(0))}", new ByteArrayContent(Bytes(10, 1)));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task CreateSasUri_Expired_IsRefused()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "old.bin", Bytes(10, 1));
        var uri = _client.CreateSasUri(container, "old.bin", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(-1));

        using var response = await Http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void CanCreateSas_AccountKeyOrIdentity_TrueOnlyWithTheKey()
    {
        var identity = StorageConnectionSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage:accountName"] = "acct" })
            .Build());
        var identityClient = new BlobStorageClient(identity, new AzureStorageOptions());

        Assert.True(_client.CanCreateSas);
        Assert.False(identityClient.CanCreateSas);
        Assert.Throws<InvalidOperationException>(() => identityClient.CreateSasUri("c", "b", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task PingAsync_Azurite_Succeeds()
    {
        await _client.PingAsync();
    }

    [Fact]
    public async Task PingAsync_WrongAccountKey_Throws403AuthorizationFailure()
    {
        var client = new BlobStorageClient(AzuriteStorage.SettingsWithWrongKey(azurite), AzuriteStorage.NoRetries);

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => client.PingAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
        Assert.False(error.IsUnavailable);
    }

    [Fact]
    public async Task PingAsync_ClosedPort_ThrowsStatus0Unavailable()
    {
        var port = FreePorts.Next();
        var settings = StorageConnectionSettings.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Core.Storage.Emulator.AzuriteProcess.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
        var client = new BlobStorageClient(settings, new AzureStorageOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => client.PingAsync());

        Assert.Equal(0, error.Status);
        Assert.True(error.IsUnavailable);
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [InlineData(0, null, "bytes=0-")]
    [InlineData(100, 1L, "bytes=100-100")]
    [InlineData(5_000_000_000, 1_000_000L, "bytes=5000000000-5000999999")]
    public void FormatRange_Range_IsAnInclusiveByteRange(long offset, long? length, string expected)
    {
        Assert.Equal(expected, BlobStorageClient.FormatRange(new BlobRange(offset, length)));
    }

    [Fact]
    public void FormatRange_NegativeOffsetOrEmptyLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlobStorageClient.FormatRange(new BlobRange(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlobStorageClient.FormatRange(new BlobRange(0, 0)));
    }

    [Theory]
    [InlineData("bytes 0-99/1234", 0, 100, 1234)]
    [InlineData("bytes 1000-1299/5000", 1000, 300, 5000)]
    [InlineData("bytes 10-9/10", 10, 0, 10)]
    public void ParseContentRange_Header_GivesTheRangeAndTheWholeLength(string header, long offset, long length, long total)
    {
        Assert.Equal((new BlobRange(offset, length), total), BlobStorageClient.ParseContentRange(header));
    }

    [Theory]
    [InlineData("bytes */10")]
    [InlineData("items 0-1/2")]
    [InlineData("")]
    public void ParseContentRange_Malformed_Throws(string header)
    {
        Assert.Throws<FormatException>(() => BlobStorageClient.ParseContentRange(header));
    }

    [Theory]
    [InlineData("c", "a/b c/ü.txt", "/c/a/b%20c/%C3%BC.txt")]
    [InlineData("c", "100%?#", "/c/100%25%3F%23")]
    public void BlobPath_Name_EscapesEachSegmentAndKeepsSlashes(string container, string blob, string expected)
    {
        Assert.Equal(expected, BlobStorageClient.BlobPath(container, blob));
    }

    private async Task<string> NewContainerAsync()
    {
        var container = AzuriteFixture.UniqueName();
        await _client.CreateContainerIfNotExistsAsync(container);
        return container;
    }

    private async Task<byte[]> DownloadBytesAsync(string container, string blob)
    {
        await using var download = await _client.DownloadAsync(container, blob);
        Assert.NotNull(download);
        return await ReadAllAsync(download.Content);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
