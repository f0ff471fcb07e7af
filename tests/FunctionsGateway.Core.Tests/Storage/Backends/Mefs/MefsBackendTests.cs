using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

/// <summary>The <c>mefs</c> backend through the real pipeline (Azurite) against a real S3 server (s3rver).</summary>
[Collection(MefsCollection.Name)]
public sealed class MefsBackendTests(AzuriteFixture azurite, S3rverFixture s3rver)
{
    [Fact]
    public async Task Push_FirstUploadOfOwner_BucketCreatedAndObjectStoredWithTheRefsETag()
    {
        await using var services = Create();
        var owner = AzuriteFixture.UniqueName("owner");
        var bytes = RandomNumberGenerator.GetBytes(3000);
        var record = await UploadAsync(services, owner, "report.pdf", bytes, "application/pdf");
        var bucket = MefsBucketNames.ForOwner("fg-", owner);
        using var s3 = s3rver.CreateClient();
        Assert.DoesNotContain(bucket, (await s3.ListBucketsAsync()).Buckets.Select(b => b.BucketName));

        var stored = await PushAsync(services, record);

        var reference = MefsObjectRef.Parse(stored.BackendRef);
        Assert.Equal((bucket, record.Id + "/report.pdf"), (reference.Bucket, reference.Key));
        // s3rver's ETag of a single-part object is the MD5 of its bytes, as S3's is.
        Assert.Equal(SinglePartETag(bytes), reference.ETag);
        using var get = await s3.GetObjectAsync(bucket, reference.Key);
        Assert.Equal("application/pdf", get.Headers.ContentType);
        Assert.Equal(bytes, await ReadAllAsync(get.ResponseStream));
    }

    [Fact]
    public async Task Push_OwnerWithMemoAddressHandle_BucketIsTheLowercasedAddress()
    {
        await using var services = Create();
        var identities = services.GetRequiredService<IdentityStore>();
        var identity = await identities.CreateAsync("memo user");
        var address = EthereumAddress.FromPrivateKey(RandomNumberGenerator.GetBytes(32)).ToString();
        Assert.True(await identities.SetHandleAsync(identity.Id, "memo", address));

        var stored = await PushAsync(services, await UploadAsync(services, identity.Id, "a.txt", "memo bytes"u8.ToArray()));

        var reference = MefsObjectRef.Parse(stored.BackendRef);
        Assert.Equal(address.ToLowerInvariant(), reference.Bucket);
        using var s3 = s3rver.CreateClient();
        using var get = await s3.GetObjectAsync(reference.Bucket, reference.Key);
        Assert.Equal("memo bytes"u8.ToArray(), await ReadAllAsync(get.ResponseStream));
    }

    [Fact]
    public async Task OpenAsync_StoredFile_WholeAndRangesServedFromS3()
    {
        await using var services = Create();
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var stored = await PushAsync(services, await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "r.bin", bytes));
        var reader = services.GetRequiredService<FileContentReader>();
        var names = services.GetRequiredService<StorageNames>();
        Assert.Null(await services.GetRequiredService<IBlobStorage>().GetPropertiesAsync(names.StagingContainer, stored.StagedBlob));

        await using var whole = await reader.OpenAsync(stored, null);
        await using var middle = await reader.OpenAsync(stored, new BlobRange(1000, 2500));
        await using var tail = await reader.OpenAsync(stored, new BlobRange(9990));

        Assert.Equal((10_000L, (BlobRange?)null), (whole!.Properties.ContentLength, whole.ContentRange));
        Assert.Equal(bytes, await ReadAllAsync(whole.Content));
        Assert.Equal((10_000L, (BlobRange?)new BlobRange(1000, 2500)), (middle!.Properties.ContentLength, middle.ContentRange));
        Assert.Equal(bytes[1000..3500], await ReadAllAsync(middle.Content));
        Assert.Equal(new BlobRange(9990, 10), tail!.ContentRange);
        Assert.Equal(bytes[9990..], await ReadAllAsync(tail.Content));
    }

    [Fact]
    public async Task Push_LargerThanOnePart_MultipartUploadReadsBackWholeAndAcrossTheSeam()
    {
        const int PartSize = (int)MefsOptions.MinPartSizeBytes;
        await using var services = Create(new() { ["Gateway:Mefs:PartSizeBytes"] = PartSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var bytes = RandomNumberGenerator.GetBytes(PartSize + 4321);

        var record = await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "big.bin", bytes);
        var logged = s3rver.Log.Count;

        var stored = await PushAsync(services, record);

        var parts = s3rver.Log.Skip(logged).Where(l => l.StartsWith("info: Stored part ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, parts.Count);
        var reader = services.GetRequiredService<FileContentReader>();
        await using var whole = await reader.OpenAsync(stored, null);
        await using var seam = await reader.OpenAsync(stored, new BlobRange(PartSize - 100, 200));
        Assert.Equal(bytes, await ReadAllAsync(whole!.Content));
        Assert.Equal(bytes[(PartSize - 100)..(PartSize + 100)], await ReadAllAsync(seam!.Content));
    }

    [Fact]
    public async Task Push_EmptyFile_StoredAndReadsBackEmpty()
    {
        await using var services = Create();

        var stored = await PushAsync(services, await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "empty", []));

        await using var content = await services.GetRequiredService<FileContentReader>().OpenAsync(stored, null);
        Assert.Empty(await ReadAllAsync(content!.Content));
    }

    [Fact]
    public async Task Push_TwoFilesOfOneName_TwoObjectsEachWithItsOwnBytes()
    {
        await using var services = Create();
        var owner = AzuriteFixture.UniqueName("owner");

        var first = await PushAsync(services, await UploadAsync(services, owner, "same.txt", "first"u8.ToArray()));
        var second = await PushAsync(services, await UploadAsync(services, owner, "same.txt", "second"u8.ToArray()));

        Assert.NotEqual(MefsObjectRef.Parse(first.BackendRef).Key, MefsObjectRef.Parse(second.BackendRef).Key);
        var reader = services.GetRequiredService<FileContentReader>();
        await using var a = await reader.OpenAsync(first, null);
        await using var b = await reader.OpenAsync(second, null);
        Assert.Equal("first"u8.ToArray(), await ReadAllAsync(a!.Content));
        Assert.Equal("second"u8.ToArray(), await ReadAllAsync(b!.Content));
    }

    [Fact]
    public async Task Push_DeliveredAgain_AlreadyDoneAndStoringAgainWritesTheSameObject()
    {
        await using var services = Create();
        var record = await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "twice.bin", RandomNumberGenerator.GetBytes(500));
        var processor = services.GetRequiredService<PushProcessor>();
        var message = new PushMessage(record.OwnerId, record.Id).ToJson();
        var backend = services.GetRequiredService<StorageBackendRegistry>().Find(MefsBackend.BackendName)!;
        var again = await backend.StoreAsync(record, _ => Task.FromResult<Stream>(new MemoryStream(new byte[500])), CancellationToken.None);

        Assert.Equal(PushOutcomeKind.Stored, (await processor.ProcessAsync(message, 1)).Kind);
        Assert.Equal(PushOutcomeKind.AlreadyDone, (await processor.ProcessAsync(message, 2)).Kind);

        var stored = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);
        var reference = MefsObjectRef.Parse(stored!.BackendRef);
        Assert.Equal(MefsObjectRef.Parse(again).Location, reference.Location);
        using var s3 = s3rver.CreateClient();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = reference.Bucket });
        Assert.Equal([reference.Key], listed.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task DeleteAsync_StoredFile_ObjectRemovedAndDeletingAgainIsFine()
    {
        await using var services = Create();
        var stored = await PushAsync(services, await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "gone.txt", "bye"u8.ToArray()));
        var reference = MefsObjectRef.Parse(stored.BackendRef);

        Assert.True(await services.GetRequiredService<FileContentReader>().DeleteAsync(stored));
        await services.GetRequiredService<StorageBackendRegistry>().Find(MefsBackend.BackendName)!.DeleteAsync(stored.BackendRef!);

        using var s3 = s3rver.CreateClient();
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(reference.Bucket, reference.Key));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
    }

    [Fact]
    public async Task OpenReadAsync_ObjectReplacedBehindTheGateway_Null()
    {
        await using var services = Create();
        var stored = await PushAsync(services, await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "mine.txt", "original"u8.ToArray()));
        var reference = MefsObjectRef.Parse(stored.BackendRef);
        using var s3 = s3rver.CreateClient();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = reference.Bucket, Key = reference.Key, ContentBody = "replaced", UseChunkEncoding = false });

        var backend = services.GetRequiredService<StorageBackendRegistry>().Find(MefsBackend.BackendName)!;

        Assert.Null(await backend.OpenReadAsync(stored.BackendRef!, null));
        Assert.Null(await backend.OpenReadAsync(new MefsObjectRef("fg-no-such-bucket", "k", "e").ToString(), null));
    }

    [Fact]
    public async Task Push_S3ServerStopped_RetryWithTheReasonThenStoredOnceItIsBack()
    {
        await using var services = Create(new() { ["Gateway:Mefs:MaxRetries"] = "0" });
        var record = await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "later.bin", RandomNumberGenerator.GetBytes(2000));
        var processor = services.GetRequiredService<PushProcessor>();
        var message = new PushMessage(record.OwnerId, record.Id).ToJson();
        var files = services.GetRequiredService<FileIndex>();

        PushOutcome down;
        FileRecord? afterDown;
        await s3rver.StopAsync();
        try
        {
            down = await processor.ProcessAsync(message, 1);
            afterDown = await files.GetAsync(record.OwnerId, record.Id);
        }
        finally
        {
            await s3rver.StartAsync();
        }

        var up = await processor.ProcessAsync(message, 2);

        Assert.Equal(PushOutcomeKind.Retry, down.Kind);
        Assert.Equal((FileState.Staged, 1), (afterDown!.State, afterDown.Attempts));
        Assert.Contains(nameof(MefsStorageException), afterDown.LastError, StringComparison.Ordinal);
        Assert.Contains("unreachable", afterDown.LastError, StringComparison.Ordinal);
        Assert.Equal(PushOutcomeKind.Stored, up.Kind);
        var stored = await files.GetAsync(record.OwnerId, record.Id);
        Assert.Equal((FileState.Stored, 2, (string?)null), (stored!.State, stored.Attempts, stored.LastError));
    }

    [Fact]
    public async Task Push_KeyTheServerDoesNotKnow_RetryWithAccessDeniedReason()
    {
        await using var services = Create(new() { ["Gateway:Mefs:AccessKey"] = "NOT-S3RVER", ["Gateway:Mefs:MaxRetries"] = "0" });
        var record = await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "denied.bin", new byte[10]);

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.Equal(PushOutcomeKind.Retry, outcome.Kind);
        Assert.Contains("(403 InvalidAccessKeyId)", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("Gateway:Mefs:AccessKey", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAsync_PlacementGivesAnInvalidBucket_RejectedAtOnce()
    {
        await using var services = Create(configure: s => s.AddSingleton<IMefsObjectPlacement>(new FixedPlacement(new MefsObjectLocation("Not_A_Bucket", "k"))));
        var record = await UploadAsync(services, AzuriteFixture.UniqueName("owner"), "x.bin", new byte[10]);

        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);

        Assert.Equal(PushOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("Not_A_Bucket", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bytes 0-9/100", 0L, 10L, 100L)]
    [InlineData("bytes 90-99/100", 90L, 10L, 100L)]
    [InlineData("BYTES 5-5/6", 5L, 1L, 6L)]
    public void TryParseContentRange_Valid_OffsetCountAndWhole(string header, long offset, long count, long whole)
    {
        Assert.True(MefsBackend.TryParseContentRange(header, out var o, out var c, out var w));
        Assert.Equal((offset, count, whole), (o, c, w));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes */100")]
    [InlineData("bytes 10-5/100")]
    [InlineData("bytes 0-100/100")]
    [InlineData("items 0-9/100")]
    public void TryParseContentRange_Invalid_False(string? header) =>
        Assert.False(MefsBackend.TryParseContentRange(header, out _, out _, out _));

    private ServiceProvider Create(Dictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var settings = s3rver.Settings();
        settings["Gateway:Backend:Default"] = MefsBackend.BackendName;
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return GatewayServices.Create(azurite, settings, configure);
    }

    private static Task<FileRecord> UploadAsync(IServiceProvider services, string owner, string name, byte[] bytes, string? contentType = null) =>
        services.GetRequiredService<UploadPipeline>().UploadAsync(new UploadRequest(owner, name, new MemoryStream(bytes), bytes.Length, contentType));

    private static async Task<FileRecord> PushAsync(IServiceProvider services, FileRecord record)
    {
        var outcome = await services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), 1);
        Assert.True(outcome.Kind == PushOutcomeKind.Stored, $"push: {outcome.Kind} {outcome.Reason}");
        var stored = await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id);
        Assert.Equal((FileState.Stored, MefsBackend.BackendName), (stored!.State, stored.Backend));
        return stored;
    }

    /// <summary>S3's ETag of an object stored in one part: the hex MD5 of its bytes (an identifier here, not security).</summary>
#pragma warning disable CA5351
    private static string SinglePartETag(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed class FixedPlacement(MefsObjectLocation location) : IMefsObjectPlacement
    {
        public ValueTask<MefsObjectLocation> PlaceAsync(FileRecord file, CancellationToken cancellationToken = default) => ValueTask.FromResult(location);
    }
}
