using System.Net;
using System.Net.Http.Headers;
using FunctionsGateway.Ctl.Commands.Identities;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests.Commands.Identities;

/// <summary>
/// <see cref="CreateIdentityCommand"/>, <see cref="ListIdentitiesCommand"/>, <see cref="IssueTokenCommand"/>,
/// <see cref="IssueGw3KeyCommand"/> against the real handler: what they issue works on the gateway.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class IdentityCommandsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateListIssueToken_TheTokenReadsTheFilesApi()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var identity = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "alice")).Json();
        var id = identity.GetProperty("id").GetString()!;
        Assert.Equal("alice", identity.GetProperty("name").GetString());

        var listed = (await CtlRun.RunAsync(handler.Url, "identities", "list", "--json")).Json();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetString() == id);

        var token = (await CtlRun.RunAsync(handler.Url, "tokens", "issue", id, "--json")).Json();
        using var http = handler.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/files")).StatusCode);
    }

    [Fact]
    public async Task Create_HumanOutput_AlignedFields()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var run = await CtlRun.RunAsync(handler.Url, "identities", "create", "bob");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^id +[0-9a-z-]+$", lines[0]);
        Assert.Matches("^name +bob$", lines[1]);
    }

    [Fact]
    public async Task IssueGw3Key_TheKeyAndSecretReadTheAccountRoutes()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "carol")).Json().GetProperty("id").GetString()!;

        var key = (await CtlRun.RunAsync(handler.Url, "--json", "gw3-keys", "issue", id)).Json();

        using var http = handler.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/gw3/account/api/v0/stats?ts={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        request.Headers.Add("X-Access-Key", key.GetProperty("accessKey").GetString());
        request.Headers.Add("X-Access-Secret", key.GetProperty("accessSecret").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task IssueToken_UnknownIdentity_Exit1WithTheGatewaysError()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);

        var run = await CtlRun.RunAsync(handler.Url, "tokens", "issue", "no-such-identity");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("(HTTP 404 ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
