using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Dag;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsFileBuilderTests(CidReferenceFixture references) : IClassFixture<CidReferenceFixture>
{
    private const int Kib256 = 262_144;
    private const int Mib = 1_048_576;
    private const long Mib300 = 300L * Mib;

    // Small chunks and fan-outs give deep trees from little data, exercising every level-closing case.
    private static readonly UnixFsProfile Tiny = UnixFsProfile.UnixFsV0_2015 with { ChunkSize = 64, MaxLinks = 3 };
    private static readonly UnixFsProfile TinyRaw = UnixFsProfile.UnixFsV1_2025 with { ChunkSize = 100, MaxLinks = 4 };

    public static TheoryData<string, long> CrossChecks
    {
        get
        {
            var data = new TheoryData<string, long>();
            foreach (var size in new long[] { 0, 1, Kib256 - 1, Kib256, Kib256 + 1, (174L * Kib256) - 1, 174L * Kib256, (174L * Kib256) + 1, 1_000_003, 12_345_678, Mib300 })
            {
                data.Add("unixfs-v0-2015", size);
                if (size < Mib300)
                {
                    // The huge input runs once per profile, not for this variant too.
                    data.Add("cid-version=1 raw-leaves=false", size);
                }
            }

            foreach (var size in new long[] { 0, 1, Mib - 1, Mib, Mib + 1, (1024L * Mib) - 1, 1024L * Mib, (1024L * Mib) + 1, 12_345_678, Mib300 })
            {
                data.Add("unixfs-v1-2025", size);
            }

            foreach (var size in new long[] { 1, 64, 65, 192, 193, 576, 577, 1729, 1797, 5247, 5248 })
            {
                data.Add("tiny", size);
            }

            foreach (var size in new long[] { 400, 401, 1601, 6400, 6401, 25_599, 25_601 })
            {
                data.Add("tiny-raw", size);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(UnixFsFileBuilderTestVectors.Files), MemberType = typeof(UnixFsFileBuilderTestVectors))]
    public void Complete_PublishedVector_GivesKubosCid(string source, string content, int cidVersion, int chunkSize, bool rawLeaves, string expected)
    {
        var builder = new UnixFsFileBuilder(UnixFsFileBuilderTestVectors.Profile(cidVersion, chunkSize, rawLeaves));
        builder.Append(UnixFsFileBuilderTestVectors.Content(content));

        var result = builder.Complete();

        Assert.True(Cid.Parse(expected) == result.Root, $"{source}: expected {expected}, got {result.Root}");
        Assert.Equal(expected, result.Root.ToString());
    }

    [Theory]
    [InlineData("", 0, 6UL)]
    [InlineData("hello world", 0, 19UL)]
    [InlineData("hello world", 1, 11UL)]
    [InlineData("", 1, 0UL)]
    public void Complete_SmallFile_ReportsKubosDagSize(string content, int cidVersion, ulong expected)
    {
        var builder = new UnixFsFileBuilder(UnixFsProfile.ForKubo(cidVersion));
        builder.Append(System.Text.Encoding.UTF8.GetBytes(content));

        var result = builder.Complete();

        Assert.Equal(expected, result.DagSize);
        Assert.Equal((ulong)content.Length, result.FileSize);
    }

    [Theory]
    [MemberData(nameof(CrossChecks))]
    public async Task Complete_GeneratedInput_MatchesReferenceImplementations(string profileName, long size)
    {
        var profile = ProfileNamed(profileName);
        var path = await references.InputPathAsync();

        var ours = await BuildPrefixAsync(path, size, profile);

        var kuboSettings = profile.ChunkSize == Kib256 && profile.MaxLinks == 174 && !profile.RawLeaves;
        var job = JobFor(path, profileName, size);
        var reference = await references.ImportAsync(job, [.. CrossChecks.Select(row => JobFor(path, (string)row[0], (long)row[1]))]);
        Assert.True(Cid.FromBytes(reference.Bytes) == ours.Root, $"{profileName} {size}: importer {reference.Text}, ours {ours.Root}");
        Assert.Equal(reference.DagSize, ours.DagSize);

        if (kuboSettings)
        {
            // ipfs_cid builds Kubo's default DAG (CIDv0 links) and prints its root as CIDv0 and re-encoded as CIDv1:
            // its CIDv1 is not the root of a CIDv1 DAG (Kubo's --cid-version=1 --raw-leaves=false) unless the file is
            // a single block, which has no links.
            var (v0, v1) = await references.IpfsCidAsync(size);
            if (profile.CidVersion == 0)
            {
                Assert.True(Cid.FromBytes(v0.Bytes) == ours.Root, $"{profileName} {size}: ipfs_cid {v0.Text}, ours {ours.Root}");
                Assert.True(Cid.FromBytes(v1.Bytes) == ours.Root.ToV1(), $"{profileName} {size}: ipfs_cid {v1.Text}, ours {ours.Root.ToV1()}");
            }
            else if (size <= profile.ChunkSize)
            {
                Assert.True(Cid.FromBytes(v1.Bytes) == ours.Root, $"{profileName} {size}: ipfs_cid {v1.Text}, ours {ours.Root}");
            }
        }

        Assert.Equal((ulong)size, ours.FileSize);
    }

    [Fact]
    public void Append_AnySlicing_GivesTheSameCidAndBlocks()
    {
        var input = ChaCha20Keystream.Bytes("slicing", (64 * 30) + 17);
        var whole = Build(Tiny, [input]);

        var single = new List<byte[]>();
        for (var i = 0; i < input.Length; i++)
        {
            single.Add(input[i..(i + 1)]);
        }

        var random = new Random(7);
        var slices = new List<byte[]>();
        for (var i = 0; i < input.Length;)
        {
            var n = Math.Min(random.Next(0, 200), input.Length - i);
            slices.Add(input[i..(i + n)]);
            i += n;
        }

        var byByte = Build(Tiny, single);
        var bySlices = Build(Tiny, slices);

        Assert.Equal(whole.Result, byByte.Result);
        Assert.Equal(whole.Result, bySlices.Result);
        Assert.Equal(whole.Store.Puts, byByte.Store.Puts);
        Assert.Equal(whole.Store.Puts, bySlices.Store.Puts);
        foreach (var slicing in new[] { [input], single, slices })
        {
            // Without a sink, whole chunks are hashed in the caller's span instead of the buffer.
            using var builder = new UnixFsFileBuilder(Tiny);
            slicing.ForEach(slice => builder.Append(slice));
            Assert.Equal(whole.Result with { }, builder.Complete());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1729)]
    [InlineData(5300)]
    public async Task Complete_WithSink_SinkGetsEveryBlockOnceAndEachHashesToItsCid(int size)
    {
        var (result, store) = Build(Tiny, [ChaCha20Keystream.Bytes("sink", size)]);

        Assert.Equal(store.Puts.Count, store.Puts.Distinct().Count());
        Assert.Equal(result.BlockCount, store.Puts.Count);
        Assert.Equal(result.Root, store.Puts[^1]);
        foreach (var (cid, block) in store.Blocks)
        {
            Assert.True(BlockVerifier.Matches(cid, block), $"{cid} does not hash to its CID");
        }

        var reachable = new List<Cid>();
        await foreach (var block in new DagWalker(store).WalkAsync(result.Root, DagScope.All))
        {
            reachable.Add(block.Cid);
        }

        Assert.Equal(store.Puts.OrderBy(c => c.ToString()), reachable.OrderBy(c => c.ToString()));
    }

    [Fact]
    public void Append_64MiB_KeepsOnlyTheFrontier()
    {
        var profile = UnixFsProfile.UnixFsV0_2015 with { ChunkSize = 4096, MaxLinks = 8 };
        var slice = ChaCha20Keystream.Bytes("memory", Mib);
        var builder = new UnixFsFileBuilder(profile);
        builder.Append(slice);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var maxPending = 0;
        for (var i = 1; i < 64; i++)
        {
            builder.Append(slice);
            maxPending = Math.Max(maxPending, builder.PendingLinkCount);
            Assert.True(builder.PendingLinkCount <= builder.LevelCount * profile.MaxLinks);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var result = builder.Complete();

        Assert.Equal(64UL * Mib, result.FileSize);
        Assert.True(builder.LevelCount == 0 && maxPending <= 7 * 8, $"pending links peaked at {maxPending}");
        // 16,384 leaves: a CID each (~100 B) and a parent per 8 leaves, all short-lived; nothing per byte.
        Assert.True(allocated < 4 * Mib, $"appending 63 MiB allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Append_AfterComplete_Throws()
    {
        var builder = new UnixFsFileBuilder(UnixFsProfile.UnixFsV0_2015);
        builder.Complete();

        Assert.Throws<InvalidOperationException>(() => builder.Append([1]));
    }

    [Fact]
    public void Constructor_InvalidProfile_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnixFsFileBuilder(UnixFsProfile.UnixFsV0_2015 with { ChunkSize = UnixFsProfile.MaxChunkSize + 1 }));
    }

    [Fact]
    public void Complete_MultiLevelFile_ParentsCarryBlocksizesAndLinksFirst()
    {
        var (result, store) = Build(Tiny, [new byte[64 * 4]]);

        var root = store.Blocks[result.Root];
        Assert.Equal(0x12, root[0]);   // Links (field 2) come before Data (field 1)
        var node = UnixFsFileNode.Parse(result.Root, root);
        Assert.Equal([192UL, 64UL], node.BlockSizes);
        Assert.Equal(256UL, node.Size);
    }

    private static (UnixFsFileResult Result, MemoryBlockStore Store) Build(UnixFsProfile profile, IEnumerable<byte[]> slices)
    {
        var store = new MemoryBlockStore();
        using var builder = new UnixFsFileBuilder(profile, store);
        foreach (var slice in slices)
        {
            builder.Append(slice);
        }

        return (builder.Complete(), store);
    }

    private static async Task<UnixFsFileResult> BuildPrefixAsync(string path, long size, UnixFsProfile profile)
    {
        using var builder = new UnixFsFileBuilder(profile);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[4 * Mib];
        for (var left = size; left > 0;)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
            builder.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        return builder.Complete();
    }

    private static ImporterJob JobFor(string path, string profileName, long size)
    {
        var p = ProfileNamed(profileName);
        return new ImporterJob(path, size, p.CidVersion, p.ChunkSize, p.MaxLinks, p.RawLeaves);
    }

    private static UnixFsProfile ProfileNamed(string name) => name switch
    {
        "unixfs-v0-2015" => UnixFsProfile.UnixFsV0_2015,
        "unixfs-v1-2025" => UnixFsProfile.UnixFsV1_2025,
        "cid-version=1 raw-leaves=false" => UnixFsProfile.ForKubo(cidVersion: 1, rawLeaves: false),
        "tiny" => Tiny,
        "tiny-raw" => TinyRaw,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
