using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Accounts.Quotas;

[Collection(AzuriteCollection.Name)]
public sealed class UsageStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ChargeAsync_100ParallelOnOneCounter_ExactTotal()
    {
        await using var services = GatewayServices.Create(azurite);
        var usage = services.GetRequiredService<UsageStore>();

        var refusals = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            usage.ChargeAsync("alice", new Usage(StoredBytes: i, EgressBytes: 1, Requests: 1), enforce: true)));
        var (used, _) = await usage.GetAsync("alice");

        Assert.All(refusals, Assert.Null);
        Assert.Equal(Enumerable.Range(0, 100).Sum(), used.StoredBytes);
        Assert.Equal(100, used.EgressBytes);
        Assert.Equal(100, used.Requests);
    }

    [Fact]
    public async Task ChargeAsync_100ParallelAgainstAQuota_ExactlyTheQuotaAdmittedAndCounted()
    {
        await using var services = GatewayServices.Create(azurite);
        var usage = services.GetRequiredService<UsageStore>();
        await usage.SetQuotaAsync("bob", new Quota(Requests: 37, StoredBytes: 1000));

        var refusals = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => usage.ChargeAsync("bob", new Usage(Requests: 1), enforce: true)));
        var stored = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => usage.ChargeAsync("bob", new Usage(StoredBytes: 30), enforce: true)));
        var (used, quota) = await usage.GetAsync("bob");

        Assert.Equal(37, refusals.Count(r => r is null));
        Assert.All(refusals.Where(r => r is not null), r => Assert.Equal((QuotaKind.Requests, 37L, 37L), (r!.Kind, r.Limit, r.Used)));
        Assert.Equal(37, used.Requests);
        Assert.Equal(33, stored.Count(r => r is null)); // 33 × 30 = 990 ≤ 1000 < 34 × 30.
        Assert.Equal(990, used.StoredBytes);
        Assert.Equal(new Quota(StoredBytes: 1000, Requests: 37), quota);
    }

    [Fact]
    public async Task ChargeAsync_DecreaseAndOverQuota_DecreaseAlwaysAppliesNeverBelowZero()
    {
        await using var services = GatewayServices.Create(azurite);
        var usage = services.GetRequiredService<UsageStore>();
        await usage.SetQuotaAsync("carol", new Quota(StoredBytes: 10));

        var over = await usage.ChargeAsync("carol", new Usage(StoredBytes: 11), enforce: true);
        var unenforced = await usage.ChargeAsync("carol", new Usage(StoredBytes: 11), enforce: false);
        var down = await usage.ChargeAsync("carol", new Usage(StoredBytes: -50), enforce: true);
        var (used, _) = await usage.GetAsync("carol");

        Assert.Equal(new QuotaRefusal(QuotaKind.StoredBytes, 10, 0, 11), over);
        Assert.Null(unenforced);
        Assert.Null(down);
        Assert.Equal(0, used.StoredBytes);
    }

    [Fact]
    public async Task AdmitRequestAsync_EgressUsedUp_ReadsRefusedUncountedWritesCounted()
    {
        await using var services = GatewayServices.Create(azurite);
        var usage = services.GetRequiredService<UsageStore>();
        await usage.SetQuotaAsync("frank", new Quota(EgressBytes: 100));
        await usage.ChargeAsync("frank", new Usage(EgressBytes: 100), enforce: false);

        var read = await usage.AdmitRequestAsync("frank", read: true);
        var write = await usage.AdmitRequestAsync("frank", read: false);

        Assert.Equal(new QuotaRefusal(QuotaKind.EgressBytes, 100, 100, 0), read);
        Assert.Equal("Quota exceeded: egress limit 100 bytes, 100 used.", read!.ToException().Message);
        Assert.Null(write);
        Assert.Equal(1, (await usage.GetAsync("frank")).Usage.Requests);
    }

    [Fact]
    public async Task GetAsync_NewMonth_PeriodCountsStartAgainLevelsStay()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 31, 23, 59, 0, TimeSpan.Zero));
        await using var services = GatewayServices.Create(azurite, configure: s => s.UseTime(time));
        var usage = services.GetRequiredService<UsageStore>();
        await usage.ChargeAsync("dave", new Usage(StoredBytes: 5, PinnedBytes: 6, IngressBytes: 7, EgressBytes: 8, Requests: 9), enforce: true);

        time.Advance(TimeSpan.FromMinutes(2));
        var (used, _) = await usage.GetAsync("dave");

        Assert.Equal(new Usage(StoredBytes: 5, PinnedBytes: 6) { PeriodStart = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero) }, used);
    }

    [Fact]
    public async Task ChargeAsync_MeteringOff_NothingCountedNothingRefused()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Quotas:Enabled"] = "false" });
        var usage = services.GetRequiredService<UsageStore>();
        await usage.SetQuotaAsync("erin", new Quota(Requests: 0));

        var refusal = await usage.ChargeAsync("erin", new Usage(Requests: 1), enforce: true);

        Assert.Null(refusal);
        Assert.Equal(0, (await usage.GetAsync("erin")).Usage.Requests);
    }
}
