using System.Text;
using System.Text.Json;
using FunctionsGateway.Functions.Tests.Functions.Gw3;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Reliability.Attacks;

/// <summary>
/// One identity's credential used on another identity's data, where the surface's own tests do not do it already
/// (the table in docs/reliability.md lists where each surface's case lives). Gateway3 content is public IPFS content by
/// design (anyone may read a CID); what belongs to an identity is its pins.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CrossIdentityAttackTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Gw3_AnotherIdentitysPin_NotListedNotRemovableNotCounted()
    {
        await using var app = new GatewayApplication(azurite);
        var alice = await ClientAsync(app, "alice");
        var bob = await ClientAsync(app, "bob");
        var cid = await alice.UploadAsync(Encoding.UTF8.GetBytes("alice's pinned bytes"));

        var bobsPins = await PinsAsync(bob);
        var removal = await Gw3Client.ReadErrorAsync(await bob.SendAsync(HttpMethod.Post, "/gw3/api/v0/pin/rm", [("arg", cid)]), 400);
        var bobsStats = (await Gw3Client.ReadOkAsync(await bob.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/stats"))).GetProperty("data");
        var alicesPins = await PinsAsync(alice);

        Assert.Equal(0, bobsPins.GetProperty("total").GetInt32());
        Assert.Equal("not pinned or pinned indirectly", removal);
        Assert.Equal(0, bobsStats.GetProperty("pinned_count").GetInt64());
        Assert.Equal(cid, alicesPins.GetProperty("data")[0].GetProperty("cid").GetString());
    }

    private static async Task<Gw3Client> ClientAsync(GatewayApplication app, string name)
    {
        var (_, _, key, secret) = await Gw3Client.IssueAsync(app, name);
        return new Gw3Client(app.CreateClient(), key, secret, Gw3AuthStyle.Headers);
    }

    private static async Task<JsonElement> PinsAsync(Gw3Client client) =>
        await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin", [("limit", "100")]));
}
