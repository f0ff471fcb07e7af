using System.Net;
using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Ipfs;

/// <summary>
/// The trustless formats: the raw block and CARs for each dag-scope and entity-bytes, read back with the CAR reader
/// (which verifies every block) and compared with the blocks a depth-first walk written here expects.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IpfsTrustlessGatewayTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    // 20,000 bytes in 1 KiB raw leaves, 4 links per node: 20 leaves, 5 + 2 + 1 parents, three levels.
    private const string Profile = "cid-version=1&chunker=size-1024&max-file-links=4";

    [Fact]
    public async Task Get_FormatRawAndAcceptRaw_TheRootBlockHashingToItsCid()
    {
        var app = shared.App;
        var (cid, blocks, _) = await AddFileAsync(shared, wrap: false);
        using var anonymous = app.CreateClient();

        using var raw = await anonymous.GetAsync($"/ipfs/{cid}?format=raw");
        using var accepted = await IpfsGatewayTests.SendAsync(anonymous, $"/ipfs/{cid}", r => r.Headers.TryAddWithoutValidation("Accept", "application/vnd.ipld.raw"));

        var bytes = await raw.Content.ReadAsByteArrayAsync();
        Assert.Equal(blocks[cid], bytes);
        Assert.Equal(cid.Digest.ToArray(), SHA256.HashData(bytes));
        Assert.Equal("application/vnd.ipld.raw", raw.Content.Headers.ContentType!.ToString());
        Assert.Equal($"attachment; filename=\"{cid}.bin\"", raw.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("nosniff", raw.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal($"\"{cid}.raw\"", raw.Headers.ETag!.ToString());
        Assert.Null(raw.Content.Headers.ContentLocation);
        Assert.Equal(bytes, await accepted.Content.ReadAsByteArrayAsync());
        Assert.Equal($"/ipfs/{cid}?format=raw", accepted.Content.Headers.ContentLocation!.OriginalString);
    }

    [Theory]
    [InlineData("", "all")]
    [InlineData("&dag-scope=all", "all")]
    [InlineData("&dag-scope=entity", "all")]
    [InlineData("&dag-scope=block", "block")]
    public async Task Get_FormatCarForEachDagScope_ExactlyTheBlocksDepthFirst(string query, string expected)
    {
        var app = shared.App;
        var (cid, blocks, _) = await AddFileAsync(shared, wrap: false);

        using var response = await app.CreateClient().GetAsync($"/ipfs/{cid}?format=car{query}");
        var (roots, read) = await ReadCarAsync(response);

        Assert.Equal("application/vnd.ipld.car; version=1; order=dfs; dups=n", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"attachment; filename=\"{cid}.car\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("none", response.Headers.AcceptRanges.Single());
        Assert.StartsWith($"\"{cid}.car.", response.Headers.ETag!.ToString(), StringComparison.Ordinal);
        Assert.Equal([cid], roots);
        Assert.Equal(expected == "all" ? DepthFirst(blocks, cid, 0, ulong.MaxValue) : [cid], read);
    }

    [Theory]
    [InlineData("0:*", 0UL, 20_000UL)]
    [InlineData("1024:2047", 1024UL, 2048UL)]
    [InlineData("5000:9000", 5000UL, 9001UL)]
    [InlineData("-1000:*", 19_000UL, 20_000UL)]
    [InlineData("499:-1000", 499UL, 19_001UL)]
    [InlineData("19999:50000", 19_999UL, 20_000UL)]
    public async Task Get_FormatCarWithEntityBytes_OnlyTheBlocksThatRangeNeeds(string entityBytes, ulong from, ulong to)
    {
        var app = shared.App;
        var (cid, blocks, _) = await AddFileAsync(shared, wrap: false);

        using var response = await app.CreateClient().GetAsync($"/ipfs/{cid}?format=car&entity-bytes={entityBytes}");
        var (_, read) = await ReadCarAsync(response);

        Assert.Equal(DepthFirst(blocks, cid, from, to), read);
        Assert.True(read.Count < blocks.Count || (from == 0 && to == 20_000));
    }

    [Fact]
    public async Task Get_FormatCarUnderADirectory_PathBlocksFirst_DupsY_AcceptCarWithContentLocation()
    {
        var app = shared.App;
        var (cid, blocks, directory) = await AddFileAsync(shared, wrap: true);
        using var anonymous = app.CreateClient();

        using var block = await anonymous.GetAsync($"/ipfs/{directory}/f.bin?format=car&dag-scope=block");
        using var dups = await IpfsGatewayTests.SendAsync(anonymous, $"/ipfs/{directory}/f.bin?dag-scope=entity",
            r => r.Headers.TryAddWithoutValidation("Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=y"));

        Assert.Equal([Cid.Parse(directory), cid], (await ReadCarAsync(block)).Blocks);
        Assert.Equal([Cid.Parse(directory), .. DepthFirst(blocks, cid, 0, ulong.MaxValue)], (await ReadCarAsync(dups)).Blocks);
        Assert.Equal("application/vnd.ipld.car; version=1; order=dfs; dups=y", dups.Content.Headers.ContentType!.ToString());
        Assert.Equal($"/ipfs/{directory}/f.bin?dag-scope=entity&format=car", dups.Content.Headers.ContentLocation!.OriginalString);
    }

    [Fact]
    public async Task Get_EmptyIdentityCidAsCar_ItsRootAndNoBlocks()
    {
        using var response = await shared.App.CreateClient().GetAsync("/ipfs/bafkqaaa?format=car");
        var (roots, read) = await ReadCarAsync(response);

        Assert.Equal([Cid.Parse("bafkqaaa")], roots);
        Assert.Empty(read);
    }

    internal static async Task<(IReadOnlyList<Cid> Roots, List<Cid> Blocks)> ReadCarAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var car = await CarReader.OpenAsync(body);
        var cids = new List<Cid>();
        await foreach (var block in car.ReadBlocksAsync())
        {
            cids.Add(block.Cid);
        }

        return (car.Header.Roots, cids);
    }

    // Depth-first, pre-order, links in order, each block once; below a file node only the children whose bytes
    // overlap [from, to), as a reader of that range needs them.
    private static List<Cid> DepthFirst(Dictionary<Cid, byte[]> blocks, Cid cid, ulong from, ulong to)
    {
        var order = new List<Cid>();
        Visit(cid, 0);
        return order;

        void Visit(Cid node, ulong start)
        {
            order.Add(node);
            if (node.Codec != Multicodec.DagPb)
            {
                return;
            }

            var pb = DagPbCodec.Decode(blocks[node]);
            var data = UnixFsDataCodec.Decode(pb.Data!.Value);
            var offset = start + (ulong)(data.Data?.Length ?? 0);
            for (var i = 0; i < pb.Links.Count; i++)
            {
                var end = offset + data.BlockSizes[i];
                if (end > from && offset < to)
                {
                    Visit(pb.Links[i].Hash, offset);
                }

                offset = end;
            }
        }
    }

    // Adds 20,000 random bytes as f.bin (optionally wrapped), once per class, and waits for the push; returns the blocks its DAG holds.
    private static Task<(Cid Cid, Dictionary<Cid, byte[]> Blocks, string Directory)> AddFileAsync(SharedGatewayApplication shared, bool wrap) =>
        shared.OnceAsync("file" + wrap, () => AddFileAsync(shared.App, shared.User, wrap));

    private static async Task<(Cid Cid, Dictionary<Cid, byte[]> Blocks, string Directory)> AddFileAsync(GatewayApplication app, HttpClient client, bool wrap)
    {
        var bytes = RandomNumberGenerator.GetBytes(20_000);
        var hashes = await KuboRpc.AddPublishedAsync(app, client, Profile + (wrap ? "&wrap-with-directory=true" : ""), ("f.bin", bytes));
        var cid = Cid.Parse(hashes[0]);

        var blocks = new CollectingSink();
        using var builder = new UnixFsFileBuilder(UnixFsProfile.ForKubo(1, 1024) with { MaxLinks = 4 }, blocks);
        builder.Append(bytes);
        Assert.Equal(cid, builder.Complete().Root);
        Assert.Equal(28, blocks.Blocks.Count);
        return (cid, blocks.Blocks, hashes[^1]);
    }

    private sealed class CollectingSink : IBlockSink
    {
        public Dictionary<Cid, byte[]> Blocks { get; } = [];

        public void Put(Cid cid, ReadOnlyMemory<byte> block) => Blocks[cid] = block.ToArray();
    }
}
