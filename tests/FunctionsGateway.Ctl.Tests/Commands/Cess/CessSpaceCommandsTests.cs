using System.Globalization;
using System.Security.Cryptography;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Ctl.Commands.Cess;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests.Commands.Cess;

/// <summary>
/// <see cref="ShowCessSpaceCommand"/> and <see cref="ChangeCessSpaceCommand"/> through the real handler against CESS's
/// real runtime under chopsticks: the original CLI's buy, upgrade, renewal and show.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CessSpaceCommandsTests(AzuriteFixture azurite, ChopsticksFixture chain)
{
    private const ulong GiB = 1024UL * 1024 * 1024;

    [Fact]
    public async Task BuyUpgradeRenewalShow_FundedAccount_TheTerritoryGrowsAndTheSpinnerShowsTheWait()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        await chain.FundAsync(Sr25519Signer.FromMiniSecret(seed).AccountId, UInt128.Parse("1000000000000000000000000", CultureInfo.InvariantCulture));
        await chain.PrepareTerritoryMintAsync();
        await using var handler = await HandlerProcess.StartAsync(azurite, Settings(chain, seed, "ctl"));
        var environment = new Dictionary<string, string?> { [CtlOptions.UrlVariable] = handler.Url.ToString(), [CtlOptions.OperatorKeyVariable] = HandlerProcess.OperatorKey };

        var none = await CtlRun.RunAsync(handler.Url, "cess", "space", "show");
        Assert.Equal(ExitCodes.Refused, none.ExitCode);
        Assert.Contains("no_territory", none.Error, StringComparison.Ordinal);

        var bought = await chain.IncludeAsync(() => CtlRun.RunAsync(environment, true, "cess", "space", "buy", "--gib", "10", "--days", "30"));
        Assert.True(bought.ExitCode == 0, bought.Error);
        Assert.Contains("cess space buy: waiting for the block", bought.Error, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^space\.totalSpace +10737418240$", bought.Output);
        Assert.Matches(@"(?m)^action +buy$", bought.Output);

        var upgraded = (await chain.IncludeAsync(() => CtlRun.RunAsync(handler.Url, "--json", "cess", "space", "upgrade", "--gib", "5"))).Json();
        Assert.Equal((15 * GiB).ToString(CultureInfo.InvariantCulture), upgraded.GetProperty("space").GetProperty("totalSpace").GetString());
        var deadline = upgraded.GetProperty("space").GetProperty("deadline").GetUInt32();

        var renewed = (await chain.IncludeAsync(() => CtlRun.RunAsync(handler.Url, "--json", "cess", "space", "renewal", "--days", "30"))).Json();
        Assert.Equal(deadline + (30u * 14_400), renewed.GetProperty("space").GetProperty("deadline").GetUInt32());

        var shown = (await CtlRun.RunAsync(handler.Url, "--json", "cess", "space", "show")).Json();
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(renewed.GetProperty("space")), System.Text.Json.JsonSerializer.Serialize(shown));
    }

    [Fact]
    public async Task Buy_NoGib_UsageErrorWithoutACall()
    {
        var run = await CtlRun.RunAsync(new Dictionary<string, string?>(), false, "cess", "space", "buy");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--gib", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_CessNotConfigured_Exit1WithTheGatewaysMessage()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var run = await CtlRun.RunAsync(handler.Url, "cess", "space", "show");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("CESS is not configured", run.Error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 409 cess_not_configured)", run.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(ChopsticksFixture chain, byte[] seed, string territory) => new()
    {
        ["Gateway__Cess__Rpc__Endpoint"] = chain.Endpoint,
        ["Gateway__Cess__Rpc__RequestTimeoutSeconds"] = "60",
        ["Gateway__Cess__AccountSeed"] = Convert.ToHexStringLower(seed),
        ["Gateway__Cess__Territory"] = territory,
        ["Gateway__Cess__Token__GenerateKeyIfMissing"] = "true",
    };
}
