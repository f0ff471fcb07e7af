using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Ipfs.Rpc;

namespace FunctionsGateway.Core.Tests.Ipfs.Rpc;

public sealed class AddedTreeTests
{
    private static readonly Cid File = Cid.Compute(0, Multicodec.DagPb, [0x0a, 0x04, 0x08, 0x02, 0x18, 0x00]);

    [Fact]
    public void BuildDirectories_NestedPaths_PostOrderByUtf8NameWrapperLast()
    {
        var tree = new AddedTree();
        tree.AddFile("b/z.txt", File, 6);
        tree.AddDirectory("a");
        tree.AddFile("b/y/x.txt", File, 6);
        tree.AddFile("c.txt", File, 6);

        var built = tree.BuildDirectories(UnixFsProfile.UnixFsV0_2015, wrap: true);

        Assert.Equal(["a", "b/y", "b", ""], built.Select(d => d.Path));
        Assert.Equal("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", built[0].Directory.Root.ToString());
        Assert.Equal(["a", "b", "c.txt"], tree.TopLevel.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(built[2].Directory.Root, tree.TopLevel.Single(e => e.Name == "b").Cid);
    }

    [Fact]
    public void BuildDirectories_FlatFilesWithoutWrapping_NoDirectory()
    {
        var tree = new AddedTree();
        tree.AddFile("a.txt", File, 6);
        tree.AddFile("b.txt", File, 6);

        Assert.Empty(tree.BuildDirectories(UnixFsProfile.UnixFsV0_2015, wrap: false));
    }

    [Theory]
    [InlineData("a.txt", "a.txt", "directory already has entry by that name")]
    [InlineData("a.txt", "a.txt/b", "\"a.txt\" is a file")]
    [InlineData("a.txt", "../b", "every segment must be a name")]
    [InlineData("a.txt", "", "every segment must be a name")]
    public void AddFile_TakenOrInvalidPath_RpcRequestException(string first, string second, string reason)
    {
        var tree = new AddedTree();
        tree.AddFile(first, File, 6);

        var error = Assert.Throws<RpcRequestException>(() => tree.AddFile(second, File, 6));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDirectory_OverAFile_RpcRequestException()
    {
        var tree = new AddedTree();
        tree.AddFile("x", File, 6);

        Assert.Throws<RpcRequestException>(() => tree.AddDirectory("x"));
    }
}
