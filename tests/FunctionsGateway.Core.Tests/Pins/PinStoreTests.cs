using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Pins;

[Collection(AzuriteCollection.Name)]
public sealed class PinStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddGetListRemove_PerOwner_CidV0AndV1AreOnePin()
    {
        await using var services = GatewayServices.Create(azurite);
        var pins = services.GetRequiredService<PinStore>();
        var v0 = Cid.Parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");

        await pins.AddAsync("alice", v0, "empty dir");
        var byV1 = await pins.GetAsync("alice", v0.ToV1());
        var bobs = await pins.ListAsync("bob").ToListAsync();
        var alices = await pins.ListAsync("alice").ToListAsync();
        var removed = await pins.RemoveAsync("alice", v0.ToV1());
        var removedAgain = await pins.RemoveAsync("alice", v0);

        Assert.Equal((v0.ToString(), "empty dir", "recursive"), (byV1!.Cid, byV1.Name, byV1.Type));
        Assert.Empty(bobs);
        Assert.Single(alices);
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Empty(await pins.ListAsync("alice").ToListAsync());
    }

    [Fact]
    public async Task Add_OwnerWithUnsafeCharacters_StoredUnderAnEncodedPartition()
    {
        await using var services = GatewayServices.Create(azurite);
        var pins = services.GetRequiredService<PinStore>();
        var cid = Cid.Compute(1, Multicodec.Raw, "x"u8);

        await pins.AddAsync("did:key/with#odd?chars", cid, null);

        Assert.Equal(cid.ToString(), Assert.Single(await pins.ListAsync("did:key/with#odd?chars").ToListAsync()).Cid);
    }
}
