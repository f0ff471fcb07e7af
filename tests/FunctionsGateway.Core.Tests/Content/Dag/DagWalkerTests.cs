using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Dag;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.Dag;

public sealed class DagWalkerTests
{
    private static readonly UnixFsProfile Tiny = UnixFsProfile.UnixFsV0_2015 with { ChunkSize = 64, MaxLinks = 3 };

    [Fact]
    public async Task WalkAsync_All_IsDepthFirstPreOrder()
    {
        var (file, store, _) = Build(Tiny, 3000);

        var walked = await CollectAsync(new DagWalker(store).WalkAsync(file, DagScope.All));

        Assert.Equal(PreOrder(store, file), walked.Select(b => b.Cid));
        Assert.All(walked, b => Assert.Equal(store.Blocks[b.Cid], b.Data.ToArray()));
    }

    [Fact]
    public async Task WalkAsync_Scopes_OnWrappedFile_TakeWhatTheGatewayNeeds()
    {
        var (file, store, result) = Build(Tiny, 1000);
        var directory = new UnixFsDirectoryBuilder(Tiny);
        directory.Add("file.bin", file, result.DagSize);
        var root = directory.Build(store).Root;
        var walker = new DagWalker(store);

        var all = await CollectAsync(walker.WalkAsync(root, DagScope.All));
        var entity = await CollectAsync(walker.WalkAsync(root, DagScope.Entity));
        var block = await CollectAsync(walker.WalkAsync(root, DagScope.Block));
        var fileEntity = await CollectAsync(walker.WalkAsync(file, DagScope.Entity));

        Assert.Equal([root, .. PreOrder(store, file)], all.Select(b => b.Cid));
        Assert.Equal([root], entity.Select(b => b.Cid));
        Assert.Equal([root], block.Select(b => b.Cid));
        Assert.Equal(PreOrder(store, file), fileEntity.Select(b => b.Cid));
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(63UL, 2UL)]
    [InlineData(100UL, 500UL)]
    [InlineData(2900UL, null)]
    public async Task WalkAsync_EntityBytes_TakesOnlyBlocksForTheRange(ulong offset, ulong? length)
    {
        var (file, store, _) = Build(Tiny, 3000);
        var input = ChaCha20Keystream.Bytes("walker", 3000);

        var walked = await CollectAsync(new DagWalker(store).WalkAsync(file, DagScope.Entity, offset, length));

        // The range can be read from the walked blocks alone, and they are fewer than the file's.
        var subset = new MemoryBlockStore();
        walked.ForEach(b => subset.Put(b.Cid, b.Data));
        var bytes = await ReadAllAsync(new UnixFsFileReader(subset), file, offset, length);
        var end = (int)Math.Min(3000, offset + (length ?? 3000));
        Assert.Equal(input[(int)offset..end], bytes);
        Assert.True(walked.Count < store.Blocks.Count);
        Assert.Equal(file, walked[0].Cid);
    }

    [Fact]
    public async Task WalkAsync_RepeatedBlocks_EmittedOnceUnlessDuplicatesAsked()
    {
        var store = new MemoryBlockStore();
        using var builder = new UnixFsFileBuilder(Tiny, store);
        builder.Append(new byte[64 * 10]);
        var root = builder.Complete().Root;

        var once = await CollectAsync(new DagWalker(store).WalkAsync(root, DagScope.All));
        var dups = await CollectAsync(new DagWalker(store).WalkAsync(root, DagScope.All, duplicates: true));

        Assert.Equal(once.Count, once.Select(b => b.Cid).Distinct().Count());
        Assert.Equal(store.Blocks.Count, once.Count);
        Assert.Equal(PreOrder(store, root), dups.Select(b => b.Cid));
        Assert.True(dups.Count > once.Count);
    }

    [Fact]
    public async Task WalkAsync_IdentityChild_FollowedButNotEmitted()
    {
        var store = new MemoryBlockStore();
        var inline = Cid.CreateIdentity(Multicodec.Raw, [1, 2, 3]);
        var directory = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV1_2025);
        directory.Add("inline", inline, 3);
        var root = directory.Build(store).Root;

        var walked = await CollectAsync(new DagWalker(store).WalkAsync(root, DagScope.All));

        Assert.Equal([root], walked.Select(b => b.Cid));
    }

    [Fact]
    public async Task WalkAsync_DagCbor_FollowsItsLinks()
    {
        var store = new MemoryBlockStore();
        var leaf = Cid.Compute(1, Multicodec.Raw, [9]);
        store.Put(leaf, new byte[] { 9 });
        byte[] cbor = [0xa1, 0x61, 0x78, 0xd8, 0x2a, 0x58, (byte)(leaf.ByteLength + 1), 0x00, .. leaf.Bytes];
        var root = Cid.Compute(1, Multicodec.DagCbor, cbor);
        store.Put(root, cbor);

        var all = await CollectAsync(new DagWalker(store).WalkAsync(root, DagScope.All));
        var entity = await CollectAsync(new DagWalker(store).WalkAsync(root, DagScope.Entity));

        Assert.Equal([root, leaf], all.Select(b => b.Cid));
        Assert.Equal([root], entity.Select(b => b.Cid));
    }

    [Fact]
    public async Task WalkAsync_MissingChild_ThrowsAfterTheRoot()
    {
        var (file, store, _) = Build(Tiny, 1000);
        var child = DagPbCodec.Decode(store.Blocks[file]).Links[1].Hash;
        store.Overwrite(child, null);
        var walked = new List<Cid>();

        var e = await Assert.ThrowsAsync<BlockNotFoundException>(async () =>
        {
            await foreach (var block in new DagWalker(store).WalkAsync(file, DagScope.All))
            {
                walked.Add(block.Cid);
            }
        });

        Assert.Equal(child.ToString(), e.CidText);
        Assert.Equal(file, walked[0]);
    }

    [Fact]
    public async Task WalkAsync_CorruptBlock_Throws()
    {
        var (file, store, _) = Build(Tiny, 100);
        store.Overwrite(file, [0x0a, 0x00]);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await CollectAsync(new DagWalker(store).WalkAsync(file, DagScope.Block)));
    }

    internal static (Cid Root, MemoryBlockStore Store, UnixFsFileResult Result) Build(UnixFsProfile profile, int size)
    {
        var store = new MemoryBlockStore();
        using var builder = new UnixFsFileBuilder(profile, store);
        builder.Append(ChaCha20Keystream.Bytes("walker", size));
        var result = builder.Complete();
        return (result.Root, store, result);
    }

    internal static async Task<byte[]> ReadAllAsync(UnixFsFileReader reader, Cid root, ulong offset, ulong? length)
    {
        var output = new MemoryStream();
        await foreach (var slice in reader.ReadAsync(root, offset, length))
        {
            output.Write(slice.Span);
        }

        return output.ToArray();
    }

    private static List<Cid> PreOrder(MemoryBlockStore store, Cid cid)
    {
        List<Cid> order = [cid];
        if (cid.Codec == Multicodec.DagPb)
        {
            foreach (var link in DagPbCodec.Decode(store.Blocks[cid]).Links)
            {
                order.AddRange(PreOrder(store, link.Hash));
            }
        }

        return order;
    }

    private static async Task<List<ContentBlock>> CollectAsync(IAsyncEnumerable<ContentBlock> blocks)
    {
        var list = new List<ContentBlock>();
        await foreach (var block in blocks)
        {
            list.Add(block);
        }

        return list;
    }
}
