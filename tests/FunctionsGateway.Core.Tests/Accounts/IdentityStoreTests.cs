using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Accounts;

[Collection(AzuriteCollection.Name)]
public sealed class IdentityStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateAsync_ThenGetAndList_SameIdentity()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<IdentityStore>();
        var created = await store.CreateAsync("Alice");

        var read = await store.GetAsync(created.Id);
        var listed = new List<GatewayIdentity>();
        await foreach (var i in store.ListAsync())
        {
            listed.Add(i);
        }

        Assert.True(IdentityStore.IsValidId(created.Id));
        Assert.Equal("Alice", read!.Name);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task SetHandleAsync_HandleOfAnotherIdentity_False()
    {
        await using var services = GatewayServices.Create(azurite);
        var store = services.GetRequiredService<IdentityStore>();
        var a = await store.CreateAsync("a");
        var b = await store.CreateAsync("b");

        Assert.True(await store.SetHandleAsync(a.Id, "email", "a/b#c?@example.com"));
        Assert.True(await store.SetHandleAsync(a.Id, "email", "a/b#c?@example.com"));
        Assert.False(await store.SetHandleAsync(b.Id, "email", "a/b#c?@example.com"));

        var found = await store.FindByHandleAsync("email", "a/b#c?@example.com");
        Assert.Equal(a.Id, found!.Id);
        Assert.Equal("a/b#c?@example.com", found.Handles["email"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("x'; drop")]
    public async Task GetAsync_NotAnId_Null(string id)
    {
        await using var services = GatewayServices.Create(azurite);
        Assert.Null(await services.GetRequiredService<IdentityStore>().GetAsync(id));
    }
}
