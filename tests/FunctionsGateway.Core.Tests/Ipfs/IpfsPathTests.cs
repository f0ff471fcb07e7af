using FunctionsGateway.Core.Ipfs;

namespace FunctionsGateway.Core.Tests.Ipfs;

public sealed class IpfsPathTests
{
    private const string Cid = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn";

    [Theory]
    [InlineData(Cid, new string[0], false)]
    [InlineData("/ipfs/" + Cid, new string[0], false)]
    [InlineData(Cid + "/a/b.txt", new[] { "a", "b.txt" }, false)]
    [InlineData("/ipfs/" + Cid + "/a//b/", new[] { "a", "b" }, true)]
    public void TryParse_KuboArgument_RootAndSegments(string text, string[] segments, bool trailingSlash)
    {
        Assert.True(IpfsPath.TryParse(text, out var path, out var error), error);

        Assert.Equal(Cid, path.Root.ToString());
        Assert.Equal(segments, path.Segments);
        Assert.Equal(trailingSlash, path.TrailingSlash);
    }

    [Theory]
    [InlineData("", "invalid path \"\": invalid CID \"\"")]
    [InlineData("/ipns/example.com", "only /ipfs/ paths are supported")]
    [InlineData("Qmshort/x", "invalid CID \"Qmshort\"")]
    public void TryParse_Invalid_TheReason(string text, string reason)
    {
        Assert.False(IpfsPath.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_TheCanonicalPath()
    {
        Assert.True(IpfsPath.TryCreate(Cid, "/a/b/", out var path, out _));

        Assert.Equal($"/ipfs/{Cid}/a/b/", path.ToString());
    }
}
