using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsDirectoryReaderTests
{
    [Fact]
    public async Task ListAndFind_BasicDirectory_ItsLinks()
    {
        var store = new MemoryBlockStore();
        var a = UnixFsPathResolverTests.AddFile(store, "a");
        var directory = UnixFsPathResolverTests.Directory(store, ("b.txt", a), ("a.txt", a));
        var reader = new UnixFsDirectoryReader(store);
        var block = store.Blocks[directory];

        var names = await reader.ListAsync(directory, block).Select(l => l.Name).ToListAsync();
        var (entry, shards) = await reader.FindAsync(directory, block, "b.txt");
        var (absent, _) = await reader.FindAsync(directory, block, "c.txt");

        Assert.Equal(["a.txt", "b.txt"], names);
        Assert.Equal(a, entry!.Value.Hash);
        Assert.Empty(shards);
        Assert.Null(absent);
    }

    [Fact]
    public async Task ListAndFind_Hamt_EntriesWithoutBucketPrefixesAcrossShards()
    {
        var store = new MemoryBlockStore();
        var (root, subShard, a, b) = Hamt(store);
        var reader = new UnixFsDirectoryReader(store);

        var entries = await reader.ListAsync(root, store.Blocks[root]).ToListAsync();
        var (found, shards) = await reader.FindAsync(root, store.Blocks[root], "file-b.txt");

        Assert.Equal([("file-b.txt", b), ("file-a.txt", a)], entries.Select(e => (e.Name, e.Hash)));
        Assert.Equal(b, found!.Value.Hash);
        Assert.Equal("file-b.txt", found.Value.Name);
        Assert.Equal([subShard], shards.Select(s => s.Cid));
    }

    [Fact]
    public async Task List_NotADirectory_InvalidDataException()
    {
        var store = new MemoryBlockStore();
        var file = UnixFsPathResolverTests.AddFile(store, "f");

        await Assert.ThrowsAsync<InvalidDataException>(async () => await new UnixFsDirectoryReader(store).ListAsync(file, store.Blocks[file]).ToListAsync());
    }

    [Fact]
    public async Task Find_HamtShardMissing_BlockNotFound()
    {
        var store = new MemoryBlockStore();
        var (root, subShard, _, _) = Hamt(store);
        store.Overwrite(subShard, null);

        await Assert.ThrowsAsync<BlockNotFoundException>(() => new UnixFsDirectoryReader(store).FindAsync(root, store.Blocks[root], "file-b.txt"));
    }

    [Fact]
    public void Kinds_OfEachNode()
    {
        var store = new MemoryBlockStore();
        var file = UnixFsPathResolverTests.AddFile(store, "f");
        var directory = UnixFsPathResolverTests.Directory(store, ("f", file));
        var (hamt, _, _, _) = Hamt(store);
        var raw = Cid.Compute(1, Multicodec.Raw, "r"u8);

        Assert.Equal(UnixFsNodeKind.File, UnixFsNodeKinds.Of(file, store.Blocks[file]));
        Assert.Equal(UnixFsNodeKind.File, UnixFsNodeKinds.Of(raw, "r"u8.ToArray()));
        Assert.Equal(UnixFsNodeKind.Directory, UnixFsNodeKinds.Of(directory, store.Blocks[directory]));
        Assert.Equal(UnixFsNodeKind.HamtDirectory, UnixFsNodeKinds.Of(hamt, store.Blocks[hamt]));
        Assert.Equal(UnixFsNodeKind.Other, UnixFsNodeKinds.Of(Cid.Compute(1, Multicodec.DagCbor, [0xa0]), new byte[] { 0xa0 }));
    }

    // A two-level HAMT (fanout 256, two hex digits of bucket prefix): the root shard links sub-shard "00", which
    // holds file-b.txt, and holds file-a.txt itself. The bitfields are not read by the reader, so they are left empty.
    internal static (Cid Root, Cid SubShard, Cid A, Cid B) Hamt(MemoryBlockStore store)
    {
        var a = UnixFsPathResolverTests.AddFile(store, "in the root shard");
        var b = UnixFsPathResolverTests.AddFile(store, "in the sub-shard");
        var subShard = Shard(store, new DagPbLink(b, "A1file-b.txt", 10));
        var root = Shard(store, new DagPbLink(subShard, "00", 20), new DagPbLink(a, "F3file-a.txt", 10));
        return (root, subShard, a, b);
    }

    private static Cid Shard(MemoryBlockStore store, params DagPbLink[] links)
    {
        var data = UnixFsDataCodec.Encode(new UnixFsData { Type = UnixFsDataType.HamtShard, Data = new byte[32], HashType = 0x22, Fanout = 256 });
        var block = DagPbCodec.Encode(new DagPbNode(links, data));
        var cid = Cid.Compute(1, Multicodec.DagPb, block);
        store.Put(cid, block);
        return cid;
    }
}
