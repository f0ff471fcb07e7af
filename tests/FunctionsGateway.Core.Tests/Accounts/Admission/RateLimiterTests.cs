using FunctionsGateway.Core.Accounts.Admission;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Accounts.Admission;

[Collection(AzuriteCollection.Name)]
public sealed class RateLimiterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AcquireAsync_100ParallelOnOneCounter_ExactTotalCounted()
    {
        await using var services = GatewayServices.Create(azurite);
        var limiter = services.GetRequiredService<RateLimiter>();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => limiter.AcquireAsync("alice", "PsaListPins", 1000, TimeSpan.FromHours(1))));

        Assert.All(results, r => Assert.True(r.Allowed));
        Assert.Equal(Enumerable.Range(900, 100), results.Select(r => r.Remaining).Order());
        Assert.Equal(100, await StoredCountAsync(services, "alice", "PsaListPins"));
    }

    [Fact]
    public async Task AcquireAsync_100ParallelOverTheLimit_ExactlyTheLimitAllowedAndCounted()
    {
        await using var services = GatewayServices.Create(azurite);
        var limiter = services.GetRequiredService<RateLimiter>();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => limiter.AcquireAsync("bob", "PsaAddPin", 37, TimeSpan.FromHours(1))));

        Assert.Equal(37, results.Count(r => r.Allowed));
        Assert.All(results.Where(r => !r.Allowed), r => Assert.Equal(0, r.Remaining));
        Assert.Equal(37, await StoredCountAsync(services, "bob", "PsaAddPin"));
    }

    [Fact]
    public async Task AcquireAsync_WindowPasses_CounterStartsAgain_PerIdentityAndRoute()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero));
        await using var services = GatewayServices.Create(azurite, configure: s => s.UseTime(time));
        var limiter = services.GetRequiredService<RateLimiter>();
        var window = TimeSpan.FromMinutes(1);

        var first = await limiter.AcquireAsync("carol", "r", 2, window);
        var second = await limiter.AcquireAsync("carol", "r", 2, window);
        var refused = await limiter.AcquireAsync("carol", "r", 2, window);
        var otherRoute = await limiter.AcquireAsync("carol", "s", 2, window);
        var otherIdentity = await limiter.AcquireAsync("dave", "r", 2, window);
        time.Advance(TimeSpan.FromSeconds(30));
        var nextWindow = await limiter.AcquireAsync("carol", "r", 2, window);

        Assert.Equal((true, 1), (first.Allowed, first.Remaining));
        Assert.Equal((true, 0), (second.Allowed, second.Remaining));
        Assert.False(refused.Allowed);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero), refused.ResetAt);
        Assert.Equal(30, refused.SecondsUntilReset(time.GetUtcNow().AddSeconds(-30)));
        Assert.True(otherRoute.Allowed);
        Assert.True(otherIdentity.Allowed);
        Assert.Equal((true, 1), (nextWindow.Allowed, nextWindow.Remaining));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 2, 0, TimeSpan.Zero), nextWindow.ResetAt);
    }

    private static async Task<long?> StoredCountAsync(ServiceProvider services, string identity, string route)
    {
        var names = services.GetRequiredService<StorageNames>();
        var entity = await services.GetRequiredService<ITableStorage>().GetAsync(names.RateLimitsTable, identity, route);
        return entity?.GetInt64("Count");
    }
}
