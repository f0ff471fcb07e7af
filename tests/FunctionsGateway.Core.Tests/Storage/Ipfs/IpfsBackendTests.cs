using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Storage.Ipfs;

/// <summary>The <c>ipfs</c> backend through the real pipeline on Azurite, pushing to a real js-ipfs node.</summary>
[Collection(IpfsCollection.Name)]
public sealed class IpfsBackendTests(AzuriteFixture azurite, IpfsNodeFixture ipfs) : IDisposable
{
    private readonly KuboRpcClient _node = KuboRpcClientTests.Create(ipfs.ApiUrl);

    public void Dispose() => _node.Dispose();

    [Theory]
    [InlineData(UnixFsProfileSpec.V0Name)]
    [InlineData("cid-version=1,raw-leaves=true")]
    [InlineData(UnixFsProfileSpec.V1Name)]
    public async Task Push_MultiChunkFileWithProfile_StoredPinnedUnderTheGatewaysCid(string profile)
    {
        await using var services = Create(new() { ["Gateway:Content:CidProfile"] = profile });
        var bytes = RandomNumberGenerator.GetBytes(1_300_000);
        var record = await UploadAsync(services, bytes);

        var outcome = await PushAsync(services, record);
        var stored = await GetAsync(services, record);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        Assert.Equal(FileState.Stored, stored.State);
        Assert.Equal(IpfsBackend.BackendName, stored.Backend);
        var cid = Cid.Parse(record.Cid!);
        Assert.Equal(cid, Cid.Parse(stored.BackendRef!));
        Assert.Equal([new KuboPin(cid, KuboPinType.Recursive)], await _node.PinListAsync(KuboPinType.Recursive, [cid]));
        await using var content = await _node.CatAsync(cid);
        Assert.Equal(bytes, await ReadAllAsync(content));
    }

    [Fact]
    public async Task Push_EmptyFile_StoredUnderKubosEmptyFileCid()
    {
        await using var services = Create();
        var record = await UploadAsync(services, []);

        var outcome = await PushAsync(services, record);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        Assert.Equal("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", (await GetAsync(services, record)).BackendRef);
        await using var download = await services.GetRequiredService<FileContentReader>().OpenAsync(await GetAsync(services, record), null);
        Assert.Equal(0, download!.Properties.ContentLength);
        Assert.Empty(await ReadAllAsync(download.Content));
    }

    [Fact]
    public async Task Push_ProfileWithOtherThan174Links_GatewaysDagImportedAndPinned()
    {
        // js-ipfs has no max-file-links: 20 leaves of 1 KiB under 4 links per node need the gateway's own DAG.
        await using var services = Create(new() { ["Gateway:Content:CidProfile"] = "cid-version=1,chunker=size-1024,max-links=4" });
        var bytes = RandomNumberGenerator.GetBytes(20_000);
        var record = await UploadAsync(services, bytes);

        var outcome = await PushAsync(services, record);

        Assert.Equal(PushOutcomeKind.Stored, outcome.Kind);
        var cid = Cid.Parse(record.Cid!);
        Assert.Equal(cid, Cid.Parse((await GetAsync(services, record)).BackendRef!));
        Assert.Single(await _node.PinListAsync(KuboPinType.Recursive, [cid]));
        Assert.Equal(20_000, (await _node.FilesStatAsync("/ipfs/" + cid)).Size);
        await using var content = await _node.CatAsync(cid);
        Assert.Equal(bytes, await ReadAllAsync(content));
    }

    [Fact]
    public async Task OpenReadAsync_Stored_WholeAndRangeFromTheNode()
    {
        await using var services = Create();
        var bytes = RandomNumberGenerator.GetBytes(700_000);
        var record = await UploadAsync(services, bytes);
        await PushAsync(services, record);
        var stored = await GetAsync(services, record);
        var reader = services.GetRequiredService<FileContentReader>();

        await using var whole = await reader.OpenAsync(stored, null);
        await using var part = await reader.OpenAsync(stored, new BlobRange(262_100, 1_000));
        await using var tail = await reader.OpenAsync(stored, new BlobRange(699_000));

        Assert.Equal(700_000, whole!.Properties.ContentLength);
        Assert.Null(whole.ContentRange);
        Assert.Equal(bytes, await ReadAllAsync(whole.Content));
        Assert.Equal(700_000, part!.Properties.ContentLength);
        Assert.Equal(new BlobRange(262_100, 1_000), part.ContentRange);
        Assert.Equal(bytes[262_100..263_100], await ReadAllAsync(part.Content));
        Assert.Equal(new BlobRange(699_000, 1_000), tail!.ContentRange);
        Assert.Equal(bytes[699_000..], await ReadAllAsync(tail.Content));
    }

    [Fact]
    public async Task Push_TamperedCid_FailedAtOnceNamingBothCids()
    {
        await using var services = Create();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var record = await UploadAsync(services, bytes);
        const string Other = "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD";
        var tampered = await services.GetRequiredService<FileIndex>().TryUpdateAsync(record with { Cid = Other });

        var outcome = await PushAsync(services, tampered!);
        var failed = await GetAsync(services, record);

        Assert.Equal(PushOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(FileState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains(nameof(PushRejectedException), failed.LastError, StringComparison.Ordinal);
        Assert.Contains(Other, failed.LastError, StringComparison.Ordinal);
        Assert.Contains(record.Cid!, failed.LastError, StringComparison.Ordinal);
        Assert.Empty(await _node.PinListAsync(KuboPinType.Recursive, [Cid.Parse(record.Cid!)]));
    }

    [Fact]
    public async Task Push_NodeStopped_RetryWithReasonThenStoredAfterRestart()
    {
        await using var services = Create(new()
        {
            ["Gateway:Ipfs:MaxRetries"] = "1",
            ["Gateway:Ipfs:RetryDelay"] = "00:00:00.050",
        });
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        var record = await UploadAsync(services, bytes);

        PushOutcome whileDown;
        FileRecord afterFailure;
        await ipfs.Node.StopAsync();
        try
        {
            whileDown = await PushAsync(services, record);
            afterFailure = await GetAsync(services, record);
        }
        finally
        {
            await ipfs.Node.RestartAsync();
        }

        var afterRestart = await PushAsync(services, record, dequeueCount: 2);

        Assert.Equal(PushOutcomeKind.Retry, whileDown.Kind);
        Assert.True(whileDown.RetryAfter > TimeSpan.Zero);
        Assert.Equal(FileState.Staged, afterFailure.State);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Contains(nameof(KuboRpcException), afterFailure.LastError, StringComparison.Ordinal);
        Assert.Contains("did not answer", afterFailure.LastError, StringComparison.Ordinal);
        Assert.Equal(PushOutcomeKind.Stored, afterRestart.Kind);
        var stored = await GetAsync(services, record);
        Assert.Equal((FileState.Stored, 2, null), (stored.State, stored.Attempts, stored.LastError));
        Assert.Single(await _node.PinListAsync(KuboPinType.Recursive, [Cid.Parse(record.Cid!)]));
    }

    [Fact]
    public async Task DeleteAsync_StoredFile_UnpinnedAndGone()
    {
        await using var services = Create();
        var record = await UploadAsync(services, RandomNumberGenerator.GetBytes(10_000));
        await PushAsync(services, record);
        var stored = await GetAsync(services, record);
        var backend = services.GetRequiredService<StorageBackendRegistry>().Find(IpfsBackend.BackendName)!;

        Assert.True(await services.GetRequiredService<FileContentReader>().DeleteAsync(stored));

        Assert.Empty(await _node.PinListAsync(KuboPinType.Recursive, [Cid.Parse(record.Cid!)]));
        Assert.Null(await backend.OpenReadAsync(stored.BackendRef!, null));
        await backend.DeleteAsync(stored.BackendRef!);
    }

    [Fact]
    public async Task StoreAsync_Twice_SameCidPinnedWithoutError()
    {
        await using var services = Create();
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var record = await UploadAsync(services, bytes);
        var backend = services.GetRequiredService<StorageBackendRegistry>().Find(IpfsBackend.BackendName)!;
        Task<Stream> Open(CancellationToken _) => Task.FromResult<Stream>(new MemoryStream(bytes));

        var first = await backend.StoreAsync(record, Open);
        var second = await backend.StoreAsync(record, Open);

        Assert.Equal(record.Cid, first);
        Assert.Equal(first, second);
        Assert.Single(await _node.PinListAsync(KuboPinType.Recursive, [Cid.Parse(first)]));
    }

    [Fact]
    public async Task Registry_ApiUrlSet_OffersIpfsAsDefault()
    {
        await using var services = Create();

        var registry = services.GetRequiredService<StorageBackendRegistry>();

        Assert.Equal(IpfsBackend.BackendName, registry.Default.Name);
        Assert.Equal(["ipfs", "local"], registry.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("kubo/0.35.0/", true)]
    [InlineData("kubo/0.39.0/3f1a2b7/", true)]
    [InlineData("kubo/1.0.0-rc1/", true)]
    [InlineData("kubo/0.34.1/", false)]
    [InlineData("go-ipfs/0.12.0/", false)]
    [InlineData("js-ipfs/0.18.1", false)]
    [InlineData("", false)]
    public void SupportsMaxFileLinks_AgentVersion_OnlyKuboFrom035(string agent, bool expected) =>
        Assert.Equal(expected, IpfsBackend.SupportsMaxFileLinks(agent));

    [Theory]
    [InlineData(174, 1024, 10_000_000, false)]
    [InlineData(1024, 1_048_576, 174L * 1_048_576, false)]
    [InlineData(1024, 1_048_576, (174L * 1_048_576) + 1, true)]
    [InlineData(4, 1024, 4096, false)]
    [InlineData(4, 1024, 4097, true)]
    [InlineData(4, 1024, 0, false)]
    public void LinkCountMatters_LeavesVersusTheSmallerWidth(int maxLinks, int chunkSize, long size, bool expected) =>
        Assert.Equal(expected, IpfsBackend.LinkCountMatters(new UnixFsProfile { MaxLinks = maxLinks, ChunkSize = chunkSize }, size));

    private ServiceProvider Create(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Gateway:Ipfs:ApiUrl"] = ipfs.ApiUrl;
        settings["Gateway:Backend:Default"] = IpfsBackend.BackendName;
        return GatewayServices.Create(azurite, settings);
    }

    private static Task<FileRecord> UploadAsync(IServiceProvider services, byte[] bytes) =>
        services.GetRequiredService<UploadPipeline>().UploadAsync(new UploadRequest("owner", "f.bin", new MemoryStream(bytes), bytes.Length, null));

    private static Task<PushOutcome> PushAsync(IServiceProvider services, FileRecord record, long dequeueCount = 1) =>
        services.GetRequiredService<PushProcessor>().ProcessAsync(new PushMessage(record.OwnerId, record.Id).ToJson(), dequeueCount);

    private static async Task<FileRecord> GetAsync(IServiceProvider services, FileRecord record) =>
        (await services.GetRequiredService<FileIndex>().GetAsync(record.OwnerId, record.Id))!;

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
