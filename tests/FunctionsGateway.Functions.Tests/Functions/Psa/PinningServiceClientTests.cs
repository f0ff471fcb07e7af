using System.Net;
using System.Text.Json;
using FunctionsGateway.Core.Tooling;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Psa;

/// <summary>
/// Kubo's remote pinning protocol against <c>/psa</c>, driven by the generated client npm
/// <c>@ipfs-shipyard/pinning-service-client</c> (pinned in <c>tests/peers/psa</c>, script <c>remote-pin.mjs</c>) over
/// real HTTP.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PinningServiceClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GeneratedClient_KuboRemotePinProtocol_AddPollLsPageReplaceRmAndErrors()
    {
        await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.PsaPeer, Path.Combine("node_modules", "@ipfs-shipyard", "pinning-service-client", "package.json"));
        await using var app = new GatewayApplication(azurite);
        var baseUrl = app.StartKestrel();
        var (client, _, _) = await app.CreateUserClientAsync();
        var cid = (await KuboRpc.AddPublishedAsync(app, client, "pin=false", ("remote.txt", "pinned remotely"u8.ToArray()))).Single();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        var output = await NodePackages.RunNodeAsync(RepositoryPaths.PsaPeer, "remote-pin.mjs",
            ["--endpoint", new Uri(baseUrl, "/psa").AbsoluteUri, "--token", token, "--cid", cid, "--origin", GatewayServices.TestDelegate], null, TimeSpan.FromSeconds(90));
        var seen = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

        var added = seen.GetProperty("added");
        Assert.Equal("queued", added.GetProperty("status").GetString());
        Assert.Equal(GatewayServices.TestDelegate, added.GetProperty("delegates")[0].GetString());
        Assert.Equal("pinned", seen.GetProperty("final").GetProperty("status").GetString());
        Assert.Equal(3, seen.GetProperty("distinctRequestIds").GetInt32());
        // The copies added after the first may be pinned by then too: the content is here.
        var lsPinned = seen.GetProperty("lsPinned").GetProperty("requestids").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(lsPinned.Count, seen.GetProperty("lsPinned").GetProperty("count").GetInt32());
        Assert.Contains(added.GetProperty("requestid").GetString(), lsPinned);
        Assert.Equal(3, seen.GetProperty("lsAll").GetProperty("count").GetInt32());
        Assert.Equal(["Third Copy", "second copy"], seen.GetProperty("lsByName").EnumerateArray().Select(n => n.GetString()));
        var paged = seen.GetProperty("paged").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(seen.GetProperty("lsAll").GetProperty("requestids").EnumerateArray().Select(r => r.GetString()), paged);
        Assert.Equal("replaced", seen.GetProperty("replaced").GetProperty("name").GetString());
        AssertFailure(seen.GetProperty("replacedOld"), HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, seen.GetProperty("afterRm").GetInt32());
        AssertFailure(seen.GetProperty("deletedGet"), HttpStatusCode.NotFound, "NOT_FOUND");
        AssertFailure(seen.GetProperty("badCid"), HttpStatusCode.BadRequest, "BAD_REQUEST");
        AssertFailure(seen.GetProperty("badLimit"), HttpStatusCode.BadRequest, "BAD_REQUEST");
        AssertFailure(seen.GetProperty("unauthorized"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    private static void AssertFailure(JsonElement failure, HttpStatusCode status, string reason)
    {
        Assert.Equal((int)status, failure.GetProperty("status").GetInt32());
        Assert.Equal(reason, failure.GetProperty("body").GetProperty("error").GetProperty("reason").GetString());
    }
}
