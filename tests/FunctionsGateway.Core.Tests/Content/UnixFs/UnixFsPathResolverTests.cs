using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsPathResolverTests
{
    [Fact]
    public async Task Resolve_NestedBasicDirectories_TerminalRootsAndTraversedBlocks()
    {
        var store = new MemoryBlockStore();
        var file = AddFile(store, "nested file");
        var inner = Directory(store, ("f.txt", file));
        var outer = Directory(store, ("sub", inner), ("other", AddFile(store, "x")));

        var result = await new UnixFsPathResolver(store).ResolveAsync(outer, ["sub", "f.txt"]);

        Assert.True(result.Succeeded);
        Assert.Equal(file, result.Terminal);
        Assert.Equal([outer, inner, file], result.Roots);
        Assert.Equal([outer, inner], result.PathBlocks.Select(b => b.Cid));
        Assert.Equal(2, store.Gets); // the two directories, not the terminal file
    }

    [Fact]
    public async Task Resolve_NoSegments_TheRootWithoutReadingIt()
    {
        var store = new MemoryBlockStore();
        var root = AddFile(store, "a");

        var result = await new UnixFsPathResolver(store).ResolveAsync(root, []);

        Assert.Equal((root, 0), (result.Terminal, store.Gets));
    }

    [Fact]
    public async Task Resolve_Failures_ReasonSegmentAndMissingBlockAsValues()
    {
        var store = new MemoryBlockStore();
        var file = AddFile(store, "leaf");
        var directory = Directory(store, ("f.txt", file), ("gone", Cid.Compute(1, Multicodec.DagPb, "absent"u8)));
        var cbor = Cid.Compute(1, Multicodec.DagCbor, [0xa0]);
        store.Put(cbor, new byte[] { 0xa0 });
        var resolver = new UnixFsPathResolver(store);

        var noLink = await resolver.ResolveAsync(directory, ["nope"]);
        var notDirectory = await resolver.ResolveAsync(directory, ["f.txt", "deeper"]);
        var missing = await resolver.ResolveAsync(directory, ["gone", "x"]);
        var unsupported = await resolver.ResolveAsync(cbor, ["field"]);

        Assert.Equal((UnixFsPathFailure.NoSuchLink, $"no link named \"nope\" under {directory}"), (noLink.Failure, noLink.Message));
        Assert.Equal((UnixFsPathFailure.NotADirectory, 1), (notDirectory.Failure, notDirectory.FailedSegment));
        Assert.Equal(UnixFsPathFailure.BlockMissing, missing.Failure);
        Assert.Equal(Cid.Compute(1, Multicodec.DagPb, "absent"u8), missing.MissingBlock);
        Assert.Equal(UnixFsPathFailure.UnsupportedCodec, unsupported.Failure);
        Assert.Contains("dag-cbor", unsupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ThroughAHamt_TheShardsOnTheWayAreTraversedBlocks()
    {
        var store = new MemoryBlockStore();
        var (root, subShard, a, b) = UnixFsDirectoryReaderTests.Hamt(store);

        var result = await new UnixFsPathResolver(store).ResolveAsync(root, ["file-b.txt"]);
        var direct = await new UnixFsPathResolver(store).ResolveAsync(root, ["file-a.txt"]);

        Assert.Equal(b, result.Terminal);
        Assert.Equal([root, subShard], result.PathBlocks.Select(p => p.Cid));
        Assert.Equal([root, b], result.Roots);
        Assert.Equal(a, direct.Terminal);
        Assert.Equal([root], direct.PathBlocks.Select(p => p.Cid));
    }

    internal static Cid AddFile(MemoryBlockStore store, string content)
    {
        using var builder = new UnixFsFileBuilder(UnixFsProfile.UnixFsV0_2015, store);
        builder.Append(System.Text.Encoding.UTF8.GetBytes(content));
        return builder.Complete().Root;
    }

    internal static Cid Directory(MemoryBlockStore store, params (string Name, Cid Cid)[] entries)
    {
        var builder = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV0_2015);
        foreach (var (name, cid) in entries)
        {
            builder.Add(name, cid, 1);
        }

        return builder.Build(store).Root;
    }
}
