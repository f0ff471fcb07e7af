using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Core.Tests.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Storage.Ipfs;

/// <summary>The Kubo RPC client against a real js-ipfs node (spec/test-peers.md).</summary>
[Collection(IpfsCollection.Name)]
public sealed class KuboRpcClientTests(IpfsNodeFixture ipfs) : IDisposable
{
    private readonly KuboRpcClient _client = Create(ipfs.ApiUrl);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task IdAndVersion_Node_JsIpfsAgent()
    {
        var id = await _client.IdAsync();
        var version = await _client.VersionAsync();

        Assert.StartsWith("js-ipfs/", id.AgentVersion, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(id.Id));
        Assert.False(string.IsNullOrEmpty(version.Version));
    }

    [Theory]
    [InlineData(0, false, "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD")]
    [InlineData(1, true, "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")]
    [InlineData(1, false, "bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa")]
    public async Task AddAsync_HelloWorld_KuboVectorComparedByBytes(int cidVersion, bool rawLeaves, string expected)
    {
        var result = await _client.AddAsync(
            new MemoryStream("hello world"u8.ToArray()),
            new KuboAddOptions { FileName = "hello.txt", CidVersion = cidVersion, RawLeaves = rawLeaves, OnlyHash = true });

        // js-ipfs prints CIDv1 in base58btc (z…), Kubo in base32 (b…): the same CID either way.
        Assert.Equal(Cid.Parse(expected), result.Cid);
        Assert.Equal("hello.txt", result.Name);
    }

    [Fact]
    public async Task AddAsync_MultiChunkWithProgress_ProgressSkippedRootAsGatewayComputesIt()
    {
        var bytes = RandomNumberGenerator.GetBytes(700_000);
        var profile = UnixFsProfile.ForKubo(cidVersion: 1, chunkSize: 65_536, rawLeaves: false);

        var result = await _client.AddAsync(
            new MemoryStream(bytes),
            new KuboAddOptions { CidVersion = 1, RawLeaves = false, Chunker = "size-65536", Hash = "sha2-256", Pin = false, Progress = true });

        Assert.Equal(Build(bytes, profile).Root, result.Cid);
        Assert.True(result.Size > bytes.Length);
    }

    [Fact]
    public async Task CatAsync_WholeAndRange_TheBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(600_000);
        var cid = (await _client.AddAsync(new MemoryStream(bytes))).Cid;

        await using var whole = await _client.CatAsync(cid);
        await using var slice = await _client.CatAsync(cid, offset: 262_000, length: 1_000);
        await using var tail = await _client.CatAsync(cid, offset: 599_990);

        Assert.Equal(bytes, await ReadAllAsync(whole));
        Assert.Equal(bytes[262_000..263_000], await ReadAllAsync(slice));
        Assert.Equal(bytes[599_990..], await ReadAllAsync(tail));
    }

    [Fact]
    public async Task BlockPutGetStat_RawBlock_NodeComputesTheSameCid()
    {
        var block = RandomNumberGenerator.GetBytes(1_000);

        var put = await _client.BlockPutAsync(block, new KuboBlockPutOptions { Format = "raw", MultihashType = "sha2-256", CidVersion = 1 });
        var stat = await _client.BlockStatAsync(put.Cid);
        var got = await _client.BlockGetAsync(put.Cid);

        Assert.Equal(Cid.Compute(1, Multicodec.Raw, block), put.Cid);
        Assert.Equal(1_000, put.Size);
        Assert.Equal(new KuboBlockStat(put.Cid, 1_000), stat);
        Assert.Equal(block, got);
    }

    [Fact]
    public async Task DagImportAsync_CarOfGatewayDag_RootPinnedAndReadable()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var sink = new CollectingBlockSink();
        var root = Build(bytes, UnixFsProfile.ForKubo(chunkSize: 100_000), sink).Root;
        using var car = new MemoryStream();
        var writer = await CarWriter.CreateAsync(car, [root]);
        foreach (var block in sink.Drain())
        {
            await writer.WriteBlockAsync(block.Cid, block.Data);
        }

        car.Position = 0;
        var roots = await _client.DagImportAsync(car);
        var pins = await _client.PinListAsync(KuboPinType.Recursive, [root]);
        await using var content = await _client.CatAsync(root);

        Assert.Equal([new KuboImportedRoot(root, null)], roots);
        Assert.Equal([new KuboPin(root, KuboPinType.Recursive)], pins);
        Assert.Equal(bytes, await ReadAllAsync(content));
    }

    [Fact]
    public async Task PinAddRemoveList_UnpinnedFile_PinnedThenUnpinnedThenNotPinned()
    {
        var cid = (await _client.AddAsync(new MemoryStream(RandomNumberGenerator.GetBytes(5_000)), new KuboAddOptions { Pin = false })).Cid;

        var before = await _client.PinListAsync(KuboPinType.Recursive, [cid]);
        var added = await _client.PinAddAsync(cid);
        var again = await _client.PinAddAsync(cid);
        var all = await _client.PinListAsync();
        var removed = await _client.PinRemoveAsync(cid);
        var removedAgain = await _client.PinRemoveAsync(cid);
        var after = await _client.PinListAsync(KuboPinType.Recursive, [cid]);

        Assert.Empty(before);
        Assert.Equal([cid], added);
        Assert.Equal([cid], again);
        Assert.Contains(new KuboPin(cid, KuboPinType.Recursive), all);
        Assert.Equal(KuboPinRemoveResult.Removed, removed);
        Assert.Equal(KuboPinRemoveResult.NotPinned, removedAgain);
        Assert.Empty(after);
    }

    [Fact]
    public async Task PinListAsync_SomeNotPinned_OnlyThePinnedOnes()
    {
        var pinned = (await _client.AddAsync(new MemoryStream(RandomNumberGenerator.GetBytes(100)))).Cid;
        var unpinned = (await _client.AddAsync(new MemoryStream(RandomNumberGenerator.GetBytes(100)), new KuboAddOptions { Pin = false })).Cid;

        var pins = await _client.PinListAsync(KuboPinType.Recursive, [unpinned, pinned]);

        Assert.Equal([new KuboPin(pinned, KuboPinType.Recursive)], pins);
    }

    [Fact]
    public async Task FilesStatAsync_File_LengthAndCumulativeSize()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var added = await _client.AddAsync(new MemoryStream(bytes));

        var stat = await _client.FilesStatAsync("/ipfs/" + added.Cid);

        Assert.Equal(added.Cid, stat.Cid);
        Assert.Equal(300_000, stat.Size);
        Assert.Equal(added.Size, stat.CumulativeSize);
        Assert.Equal("file", stat.Type);
    }

    [Fact]
    public async Task FilesStatAsync_NotACid_KuboRpcExceptionWithTheNodesMessage()
    {
        var e = await Assert.ThrowsAsync<KuboRpcException>(() => _client.FilesStatAsync("/ipfs/notacid"));

        Assert.Equal(500, e.Status);
        Assert.Equal("files/stat", e.Command);
        Assert.Contains("multibase decoder must be provided", e.NodeMessage, StringComparison.Ordinal);
        Assert.Contains(e.NodeMessage, e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task IdAsync_NothingListening_TransientAfterRetries()
    {
        using var client = Create("http://127.0.0.1:" + FreePorts.Next(), maxRetries: 1);

        var e = await Assert.ThrowsAsync<KuboRpcException>(() => client.IdAsync());

        Assert.Equal(0, e.Status);
        Assert.True(e.IsTransient);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task AddAsync_NonSeekableSourceInSmallReads_SentChunkedWhole()
    {
        var bytes = RandomNumberGenerator.GetBytes(1_000_000);
        var source = new TrickleStream(bytes);

        var result = await _client.AddAsync(source, new KuboAddOptions { Pin = false });

        Assert.Equal(Build(bytes, UnixFsProfile.UnixFsV0_2015).Root, result.Cid);
        Assert.Equal(bytes.Length, source.BytesRead);
    }

    internal static KuboRpcClient Create(string apiUrl, int maxRetries = 3) =>
        new(Options.Create(new IpfsOptions { ApiUrl = apiUrl, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(50) }), NullLogger<KuboRpcClient>.Instance);

    private static UnixFsFileResult Build(byte[] bytes, UnixFsProfile profile, IBlockSink? sink = null)
    {
        using var builder = new UnixFsFileBuilder(profile, sink);
        builder.Append(bytes);
        return builder.Complete();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
