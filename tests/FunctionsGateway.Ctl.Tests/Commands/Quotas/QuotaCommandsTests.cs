using System.Net;
using System.Net.Http.Headers;
using FunctionsGateway.Ctl.Commands.Quotas;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests.Commands.Quotas;

/// <summary><see cref="SetQuotaCommand"/> and <see cref="ShowUsageCommand"/> against the real handler: the quota set from
/// the command line holds on the files API, and usage shows what was used.</summary>
[Collection(GatewayCollection.Name)]
public sealed class QuotaCommandsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SetThenShow_TheQuotaHoldsAndUsageCountsTheUpload()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "quota")).Json().GetProperty("id").GetString()!;
        var token = (await CtlRun.RunAsync(handler.Url, "--json", "tokens", "issue", id)).Json().GetProperty("token").GetString()!;

        var set = (await CtlRun.RunAsync(handler.Url, "--json", "quotas", "set", id, "--stored-bytes", "1KiB", "--requests", "unlimited")).Json();
        Assert.Equal(1024, set.GetProperty("quota").GetProperty("storedBytes").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, set.GetProperty("quota").GetProperty("requests").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, set.GetProperty("quota").GetProperty("egressBytes").ValueKind);

        using var http = handler.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await http.PutAsync("/v1/files/small.bin", new ByteArrayContent(new byte[600]))).StatusCode);
        using var refused = await http.PutAsync("/v1/files/second.bin", new ByteArrayContent(new byte[600]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var shown = await CtlRun.RunAsync(handler.Url, "usage", "show", id);
        Assert.Equal(0, shown.ExitCode);
        Assert.Matches(@"(?m)^usage\.storedBytes +600$", shown.Output);
        Assert.Matches(@"(?m)^quota\.storedBytes +1024$", shown.Output);
        Assert.Matches(@"(?m)^quota\.pinnedBytes +-$", shown.Output);
    }

    [Theory]
    [InlineData("--stored-bytes", "10XB")]
    [InlineData("--stored-bytes", "-1")]
    [InlineData("--requests", "99999999999999999999")]
    [InlineData("--egress-bytes", "9999999999TiB")]
    public async Task Set_BadCount_UsageErrorNamingTheOption(string option, string value)
    {
        var run = await CtlRun.RunAsync(new Dictionary<string, string?>(), false, "quotas", "set", "someone", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownIdentity_Exit1()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var run = await CtlRun.RunAsync(handler.Url, "usage", "show", "nobody");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("identity_not_found", run.Error, StringComparison.Ordinal);
    }
}
