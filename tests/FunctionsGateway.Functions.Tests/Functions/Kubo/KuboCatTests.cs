using System.Net;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary><c>cat</c> (public content and the caller's own private files) and <c>block/get</c> (the public blockstore).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KuboCatTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    [Fact]
    public async Task Cat_PublicFile_WholeAndByOffsetAndLength_ThroughADirectoryToo()
    {
        var lines = await KuboRpc.AddAsync(shared.User, "wrap-with-directory=true&chunker=size-1000", ("c.txt", "0123456789"u8.ToArray()));
        var (cid, dir) = (lines[0].GetProperty("Hash").GetString()!, lines[^1].GetProperty("Hash").GetString()!);
        var (reader, _, _) = await shared.App.CreateUserClientAsync("reader");

        using var whole = await KuboRpc.PostAsync(reader, $"cat?arg={cid}");
        using var part = await KuboRpc.PostAsync(reader, $"cat?arg=/ipfs/{dir}/c.txt&offset=3&length=4");

        Assert.Equal("0123456789", await whole.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1", whole.Headers.GetValues("X-Stream-Output").Single());
        Assert.Equal("10", whole.Headers.GetValues("X-Content-Length").Single());
        Assert.Equal("3456", await part.Content.ReadAsStringAsync());
        Assert.Equal("4", part.Headers.GetValues("X-Content-Length").Single());
    }

    [Fact]
    public async Task Cat_PrivateFile_ItsOwnerReadsIt_OthersGet404()
    {
        var (owner, _, _) = await shared.App.CreateUserClientAsync("owner");
        var (stranger, _, _) = await shared.App.CreateUserClientAsync("stranger");
        var cid = (await GatewayApplication.ReadJsonAsync(await owner.PutAsync("/v1/files/mine.txt", new StringContent("owner only")))).GetProperty("cid").GetString()!;

        using var own = await KuboRpc.PostAsync(owner, $"cat?arg={cid}");
        var refused = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(stranger, $"cat?arg={cid}"), 404);
        using var blockOfOwn = await KuboRpc.PostAsync(owner, $"block/get?arg={cid}");

        Assert.Equal("owner only", await own.Content.ReadAsStringAsync());
        Assert.Contains($"{cid} is not available", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, blockOfOwn.StatusCode);
    }

    [Theory]
    [InlineData("cat", 400, "argument \"ipfs-path\" is required")]
    [InlineData("cat?arg=xyz", 400, "invalid path \"xyz\"")]
    [InlineData("cat?arg=bafkqaaa&offset=-1", 400, "cannot specify negative offset")]
    [InlineData("cat?arg=bafkqaaa&offset=1", 400, "offset was past the end of file (1 > 0)")]
    [InlineData("cat?arg=QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", 404, "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn is not available")]
    [InlineData("block/get?arg=QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", 404, "block was not found locally (offline): ipld: could not find QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")]
    [InlineData("cat?arg=bafkqaaa&length=x", 400, "could not convert value \"x\" of option \"length\"")]
    public async Task Cat_BadRequest_KubosMessage(string command, int status, string message)
    {
        Assert.Contains(message, await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, command), status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cat_Directory_400_BlockGet_TheDirectoryBlock()
    {
        var dir = (await KuboRpc.AddAsync(shared.User, "wrap-with-directory=true", ("d.txt", "d"u8.ToArray())))[^1].GetProperty("Hash").GetString()!;

        var message = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, $"cat?arg={dir}"), 400);
        using var block = await KuboRpc.PostAsync(shared.User, $"block/get?arg={dir}");

        Assert.Equal("this dag node is a directory", message);
        var bytes = await block.Content.ReadAsByteArrayAsync();
        Assert.Equal(FunctionsGateway.Core.Content.Multiformats.Cid.Parse(dir), FunctionsGateway.Core.Content.Multiformats.Cid.Compute(0, 0x70, bytes));
        Assert.Equal("1", block.Headers.GetValues("X-Stream-Output").Single());
    }
}
