using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary><c>pin/add</c>, <c>pin/ls</c>, <c>pin/rm</c>: per identity, Kubo's shapes and messages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KuboPinTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    [Fact]
    public async Task Pins_AddListRemove_RoundTripInKubosShapes()
    {
        var (client, _, _) = await shared.App.CreateUserClientAsync("pinner");
        var (other, _, _) = await shared.App.CreateUserClientAsync("other");
        var cid = (await KuboRpc.AddPublishedAsync(shared.App, client, "pin=false", ("p.txt", "pin me"u8.ToArray()))).Single();

        var added = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, $"pin/add?arg={cid}&name=mine"))).Single();
        var listed = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "pin/ls"))).Single();
        var named = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, $"pin/ls?arg=/ipfs/{cid}&names=true"))).Single();
        var streamed = await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "pin/ls?stream=true&type=recursive"));
        var direct = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "pin/ls?type=direct"))).Single();
        var othersView = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(other, "pin/ls"))).Single();
        var removed = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, $"pin/rm?arg={cid}"))).Single();
        var after = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "pin/ls"))).Single();
        var again = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(client, $"pin/rm?arg={cid}"), 400);

        Assert.Equal(cid, added.GetProperty("Pins").EnumerateArray().Single().GetString());
        Assert.Equal("""{"Type":"recursive"}""", listed.GetProperty("Keys").GetProperty(cid).GetRawText());
        Assert.Equal("""{"Type":"recursive","Name":"mine"}""", named.GetProperty("Keys").GetProperty(cid).GetRawText());
        Assert.Equal($$"""{"Cid":"{{cid}}","Type":"recursive"}""", Assert.Single(streamed).GetRawText());
        Assert.Empty(direct.GetProperty("Keys").EnumerateObject());
        Assert.Empty(othersView.GetProperty("Keys").EnumerateObject());
        Assert.Equal(cid, removed.GetProperty("Pins").EnumerateArray().Single().GetString());
        Assert.Empty(after.GetProperty("Keys").EnumerateObject());
        Assert.Equal("not pinned or pinned indirectly", again);
    }

    [Fact]
    public async Task PinAdd_PendingPublicUpload_Pinned_PrivateFile_404()
    {
        var pending = (await KuboRpc.AddAsync(shared.User, "pin=false", ("q.txt", "soon stored"u8.ToArray()))).Single().GetProperty("Hash").GetString()!;
        var file = await GatewayApplication.ReadJsonAsync(await shared.User.PutAsync("/v1/files/private.txt", new StringContent("only mine")));
        var privateCid = file.GetProperty("cid").GetString()!;

        using var pinPending = await KuboRpc.PostAsync(shared.User, $"pin/add?arg={pending}");
        var refused = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, $"pin/add?arg={privateCid}"), 404);

        Assert.Equal(System.Net.HttpStatusCode.OK, pinPending.StatusCode);
        Assert.Equal($"pin: block was not found locally (offline): ipld: could not find {privateCid}", refused);
    }

    [Theory]
    [InlineData("pin/add", 400, "argument \"ipfs-path\" is required")]
    [InlineData("pin/add?arg=bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", 404, "could not find bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")]
    [InlineData("pin/add?arg=nope", 400, "invalid path \"nope\"")]
    [InlineData("pin/add?arg=bafkqaaa&recursive=false", 400, "direct pins are not supported")]
    [InlineData("pin/rm", 400, "argument \"ipfs-path\" is required")]
    [InlineData("pin/ls?type=sideways", 400, "invalid type 'sideways', must be one of {direct, indirect, recursive, all}")]
    [InlineData("pin/ls?arg=bafkqaaa", 400, "path 'bafkqaaa' is not pinned")]
    public async Task Pin_BadRequest_KubosMessage(string command, int status, string message)
    {
        Assert.Contains(message, await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, command), status), StringComparison.Ordinal);
    }
}
