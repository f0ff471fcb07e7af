using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Accounts;

[Collection(AzuriteCollection.Name)]
public sealed class CredentialStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RevokeAsync_UnknownOrMalformedId_False()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<CredentialStore>();
        Assert.False(await store.RevokeAsync(Guid.NewGuid().ToString("N")));
        Assert.False(await store.RevokeAsync("../../etc"));
    }

    [Fact]
    public async Task ListForIdentityAsync_TwoCredentials_BothWithRevocationState()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<CredentialStore>();
        var a = await store.AddAsync("0123456789abcdef0123456789abcdef", "test", SecretHasher.Hash("one"), ["read"]);
        var b = await store.AddAsync("0123456789abcdef0123456789abcdef", "test", SecretHasher.Hash("two"));
        await store.RevokeAsync(a.Id);

        var all = new List<GatewayCredential>();
        await foreach (var c in store.ListForIdentityAsync("0123456789abcdef0123456789abcdef"))
        {
            all.Add(c);
        }

        Assert.Equal([a.Id, b.Id], all.Select(c => c.Id).Order());
        Assert.NotNull(all.Single(c => c.Id == a.Id).RevokedAt);
        Assert.Null(all.Single(c => c.Id == b.Id).RevokedAt);
        Assert.Equal(["read"], all.Single(c => c.Id == a.Id).Scopes);
    }

    [Fact]
    public async Task FindAsync_WrongKind_Null()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<CredentialStore>();
        await store.AddAsync("0123456789abcdef0123456789abcdef", "kind-a", SecretHasher.Hash("x"));
        Assert.Null(await store.FindAsync("kind-b", SecretHasher.Hash("x")));
        Assert.NotNull(await store.FindAsync("kind-a", SecretHasher.Hash("x")));
    }
}
