using System.Net;
using System.Net.Http.Headers;
using FunctionsGateway.Ctl.Commands.Credentials;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests.Commands.Credentials;

/// <summary><see cref="RevokeCredentialCommand"/> against the real handler.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RevokeCredentialCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Revoke_SeveralTokens_EachStopsWorkingAndABarShowsProgress()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "dave")).Json().GetProperty("id").GetString()!;
        var tokens = new List<(string Id, string Token)>();
        for (var i = 0; i < 3; i++)
        {
            var issued = (await CtlRun.RunAsync(handler.Url, "--json", "tokens", "issue", id)).Json();
            tokens.Add((issued.GetProperty("id").GetString()!, issued.GetProperty("token").GetString()!));
        }

        var environment = new Dictionary<string, string?> { [CtlOptions.UrlVariable] = handler.Url.ToString(), [CtlOptions.OperatorKeyVariable] = HandlerProcess.OperatorKey };
        var run = await CtlRun.RunAsync(environment, true, ["credentials", "revoke", .. tokens.Select(t => t.Id)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(tokens.Select(t => $"revoked {t.Id}"), run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("] 3/3 ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("\r", run.Error, StringComparison.Ordinal);
        using var http = handler.CreateClient();
        foreach (var (_, token) in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/files");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Revoke_OneUnknownAmongKnown_RevokesTheKnownAndExits1()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "erin")).Json().GetProperty("id").GetString()!;
        var token = (await CtlRun.RunAsync(handler.Url, "--json", "tokens", "issue", id)).Json().GetProperty("id").GetString()!;

        var run = await CtlRun.RunAsync(handler.Url, "credentials", "revoke", "no-such-credential", token);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("(HTTP 404 ", run.Error, StringComparison.Ordinal);
        Assert.Equal($"revoked {token}", run.Output.Trim());
    }

    [Fact]
    public async Task Revoke_NoId_UsageErrorWithoutACall()
    {
        var run = await CtlRun.RunAsync(new Dictionary<string, string?>(), false, "credentials", "revoke");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("credential", run.Error, StringComparison.Ordinal);
    }
}
