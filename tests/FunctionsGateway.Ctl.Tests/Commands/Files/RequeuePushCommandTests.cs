using System.Net;
using System.Net.Http.Headers;
using FunctionsGateway.Ctl.Commands.Files;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests.Commands.Files;

/// <summary><see cref="RequeuePushCommand"/> against the real handler (its push worker off, so uploads stay staged).</summary>
[Collection(GatewayCollection.Name)]
public sealed class RequeuePushCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Requeue_AStagedFileAndAnUnknownOne_RequeuesTheFirstAndExits1ForTheSecond()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var owner = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "pusher")).Json().GetProperty("id").GetString()!;
        var token = (await CtlRun.RunAsync(handler.Url, "--json", "tokens", "issue", owner)).Json().GetProperty("token").GetString()!;
        using var http = handler.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var uploaded = await http.PutAsync("/v1/files/a.bin", new ByteArrayContent(new byte[100]));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = System.Text.Json.JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var run = await CtlRun.RunAsync(handler.Url, "files", "requeue", owner, file, "no-such-file");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Matches(@"(?m)^state +staged$", run.Output);
        Assert.Contains("(HTTP 404 file_not_found)", run.Error, StringComparison.Ordinal);
    }
}
