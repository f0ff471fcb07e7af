using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Dag;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsFileReaderTests
{
    private const int Size = 5000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_ManyRangesAcrossLeafBoundaries_GivesExactBytes(bool rawLeaves)
    {
        // 64-byte leaves, 3 links per node: 79 leaves under a root of depth 4.
        var profile = UnixFsProfile.UnixFsV0_2015 with { ChunkSize = 64, MaxLinks = 3, RawLeaves = rawLeaves };
        var (root, store, _) = DagWalkerTests.Build(profile, Size);
        var input = ChaCha20Keystream.Bytes("walker", Size);
        var reader = new UnixFsFileReader(store);
        var random = new Random(42);
        var ranges = new List<(ulong, ulong?)> { (0, null), (0, 0), (0, 1), (63, 2), (64, 64), (191, 130), (4990, 100), (5000, 5), (6000, null), (4999, null) };
        for (var i = 0; i < 150; i++)
        {
            ranges.Add(((ulong)random.Next(0, Size), (ulong)random.Next(0, 700)));
        }

        foreach (var (offset, length) in ranges)
        {
            var bytes = await DagWalkerTests.ReadAllAsync(reader, root, offset, length);
            var start = (int)Math.Min(offset, Size);
            var end = (int)Math.Min(Size, (long)offset + (long)(length ?? Size));
            Assert.True(input.AsSpan(start, Math.Max(0, end - start)).SequenceEqual(bytes), $"range {offset}+{length}");
        }

        Assert.Equal((ulong)Size, await reader.GetFileSizeAsync(root));
    }

    [Fact]
    public async Task ReadAsync_SmallRange_LoadsOnlyThePathToIt()
    {
        var profile = UnixFsProfile.UnixFsV0_2015 with { ChunkSize = 64, MaxLinks = 3 };
        var (root, store, _) = DagWalkerTests.Build(profile, Size);

        await DagWalkerTests.ReadAllAsync(new UnixFsFileReader(store), root, 2000, 10);

        // Depth 4 (3^4 = 81 ≥ 79 leaves): the root, three inner nodes, one leaf.
        Assert.Equal(5, store.Gets);
    }

    [Fact]
    public async Task CopyToAsync_WholeFile_CopiesEveryByte()
    {
        var (root, store, _) = DagWalkerTests.Build(UnixFsProfile.UnixFsV1_2025 with { ChunkSize = 1000 }, Size);
        var output = new MemoryStream();

        var copied = await new UnixFsFileReader(store).CopyToAsync(root, output);

        Assert.Equal((ulong)Size, copied);
        Assert.Equal(ChaCha20Keystream.Bytes("walker", Size), output.ToArray());
    }

    [Fact]
    public async Task ReadAsync_Directory_ThrowsNotAFile()
    {
        var store = new MemoryBlockStore();
        var root = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV0_2015).Build(store).Root;

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await DagWalkerTests.ReadAllAsync(new UnixFsFileReader(store), root, 0, null));
        Assert.Contains("not a file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ChildSizeDisagreesWithParent_Throws()
    {
        var profile = UnixFsProfile.UnixFsV1_2025 with { ChunkSize = 100, MaxLinks = 4 };
        var (root, store, _) = DagWalkerTests.Build(profile, 250);
        // Replace the last raw leaf (50 bytes) with a 49-byte block under its own CID, and relink it in the root.
        var rootNode = UnixFsFileNode.Parse(root, store.Blocks[root]);
        var shorter = new byte[49];
        var shortCid = Cid.Compute(1, Multicodec.Raw, shorter);
        store.Put(shortCid, shorter);
        var links = rootNode.Links.ToArray();
        links[2] = links[2] with { Hash = shortCid };
        var data = UnixFsDataCodec.Encode(new UnixFsData { Type = UnixFsDataType.File, FileSize = 250, BlockSizes = rootNode.BlockSizes });
        var block = DagPbCodec.Encode(new DagPbNode(links, data));
        var tampered = Cid.Compute(1, Multicodec.DagPb, block);
        store.Put(tampered, block);

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await DagWalkerTests.ReadAllAsync(new UnixFsFileReader(store), tampered, 0, null));
        Assert.Contains("parent lists 50", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingLeaf_ThrowsBlockNotFound()
    {
        var (root, store, _) = DagWalkerTests.Build(UnixFsProfile.UnixFsV1_2025 with { ChunkSize = 100 }, 250);
        store.Overwrite(UnixFsFileNode.Parse(root, store.Blocks[root]).Links[1].Hash, null);

        await Assert.ThrowsAsync<BlockNotFoundException>(async () => await DagWalkerTests.ReadAllAsync(new UnixFsFileReader(store), root, 150, 10));
    }
}
