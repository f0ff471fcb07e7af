using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Ops;

/// <summary>
/// <c>/ops/cess/space</c> (<see cref="FunctionsGateway.Functions.Functions.Ops.GetCessSpace"/>,
/// <see cref="FunctionsGateway.Functions.Functions.Ops.ChangeCessSpace"/>): the original's space CLI on territories,
/// against CESS's real runtime under chopsticks.
/// </summary>
[Collection(CessChainCollection.Name)]
public sealed class CessSpaceTests(AzuriteFixture azurite, ChopsticksFixture chain)
{
    internal static readonly UInt128 Plenty = UInt128.Parse("1000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture); // 10^6 TCESS

    private const ulong GiB = 1024UL * 1024 * 1024;

    [Fact]
    public async Task BuyUpgradeRenewal_FundedAccount_MintExpandAndRenewTheTerritory()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        await chain.FundAsync(Sr25519Signer.FromMiniSecret(seed).AccountId, Plenty);
        await chain.PrepareTerritoryMintAsync();
        await using var app = new GatewayApplication(azurite, Settings(chain, seed, "space"));
        using var ops = app.CreateOperatorClient();

        Assert.Equal("no_territory", await GatewayApplication.ReadErrorCodeAsync(await ops.GetAsync("/ops/cess/space"), 404));

        var bought = await ReadAsync(await chain.IncludeAsync(() => ops.PostAsJsonAsync("/ops/cess/space", new { action = "buy", gib = 10, days = 30 })));
        var space = bought.GetProperty("space");
        Assert.Equal("buy", bought.GetProperty("action").GetString());
        Assert.StartsWith("0x", bought.GetProperty("blockHash").GetString(), StringComparison.Ordinal);
        Assert.Equal((10 * GiB).ToString(System.Globalization.CultureInfo.InvariantCulture), space.GetProperty("totalSpace").GetString());
        Assert.Equal(space.GetProperty("totalSpace").GetString(), space.GetProperty("remainingSpace").GetString());
        Assert.Equal("active", space.GetProperty("state").GetString());
        Assert.Equal("space", space.GetProperty("territory").GetString());
        Assert.StartsWith("cX", space.GetProperty("account").GetString(), StringComparison.Ordinal);
        var deadline = space.GetProperty("deadline").GetUInt32();
        Assert.Equal(space.GetProperty("start").GetUInt32() + (30u * 14_400), deadline);

        var upgraded = await ReadAsync(await chain.IncludeAsync(() => ops.PostAsJsonAsync("/ops/cess/space", new { action = "upgrade", gib = 5 })));
        Assert.Equal((15 * GiB).ToString(System.Globalization.CultureInfo.InvariantCulture), upgraded.GetProperty("space").GetProperty("totalSpace").GetString());

        var renewed = await ReadAsync(await chain.IncludeAsync(() => ops.PostAsJsonAsync("/ops/cess/space", new { action = "renewal" })));
        Assert.Equal(deadline + (30u * 14_400), renewed.GetProperty("space").GetProperty("deadline").GetUInt32());

        var shown = await ReadAsync(await ops.GetAsync("/ops/cess/space"));
        Assert.Equal(renewed.GetProperty("space").ToString(), shown.ToString());

        // A second buy of the same territory is refused by the chain, by name.
        using var again = await chain.IncludeAsync(() => ops.PostAsJsonAsync("/ops/cess/space", new { action = "buy", gib = 10 }));
        Assert.Equal("chain_refused", await GatewayApplication.ReadErrorCodeAsync(again, 409));
    }

    [Fact]
    public async Task Post_BadBodies_Answer400WithoutTouchingTheChain()
    {
        await using var app = new GatewayApplication(azurite, Settings(chain, RandomNumberGenerator.GetBytes(32), "space"));
        using var ops = app.CreateOperatorClient();

        Assert.Equal("invalid_action", await GatewayApplication.ReadErrorCodeAsync(await ops.PostAsJsonAsync("/ops/cess/space", new { action = "space" }), 400));
        Assert.Equal("invalid_gib", await GatewayApplication.ReadErrorCodeAsync(await ops.PostAsJsonAsync("/ops/cess/space", new { action = "buy" }), 400));
        Assert.Equal("invalid_gib", await GatewayApplication.ReadErrorCodeAsync(await ops.PostAsJsonAsync("/ops/cess/space", new { action = "upgrade", gib = 0 }), 400));
        Assert.Equal("invalid_days", await GatewayApplication.ReadErrorCodeAsync(await ops.PostAsJsonAsync("/ops/cess/space", new { action = "renewal", days = 0 }), 400));
        Assert.Equal("bad_request", await GatewayApplication.ReadErrorCodeAsync(await ops.PostAsync("/ops/cess/space", new StringContent("{", System.Text.Encoding.UTF8, "application/json")), 400));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ops/cess/space")).StatusCode);
    }

    [Fact]
    public async Task Get_WithoutCessSettings_Answers409NotConfigured()
    {
        await using var app = new GatewayApplication(azurite);
        using var ops = app.CreateOperatorClient();

        Assert.Equal("cess_not_configured", await GatewayApplication.ReadErrorCodeAsync(await ops.GetAsync("/ops/cess/space"), 409));
        Assert.Equal("cess_not_configured", await GatewayApplication.ReadErrorCodeAsync(await ops.PostAsJsonAsync("/ops/cess/space", new { action = "renewal" }), 409));
    }

    /// <summary>The settings of a gateway on the chopsticks chain with this account seed and territory.</summary>
    internal static Dictionary<string, string?> Settings(ChopsticksFixture chain, byte[] seed, string territory, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Cess:Rpc:Endpoint"] = chain.Endpoint,
            ["Gateway:Cess:Rpc:RequestTimeoutSeconds"] = "60",
            ["Gateway:Cess:AccountSeed"] = Convert.ToHexStringLower(seed),
            ["Gateway:Cess:Territory"] = territory,
            ["Gateway:Cess:Token:GenerateKeyIfMissing"] = "true",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        return settings;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
