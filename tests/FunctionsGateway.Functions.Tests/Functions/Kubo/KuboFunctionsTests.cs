using System.Net;
using System.Net.Http.Headers;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary>What every <c>/api/v0</c> route shares: bearer tokens, POST only, Kubo's error body, the commands served.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KuboFunctionsTests(AzuriteFixture azurite, SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    [Theory]
    [InlineData("add")]
    [InlineData("cat?arg=bafkqaaa")]
    [InlineData("block/get?arg=bafkqaaa")]
    [InlineData("dag/import")]
    [InlineData("pin/add?arg=bafkqaaa")]
    [InlineData("pin/rm?arg=bafkqaaa")]
    [InlineData("pin/ls")]
    public async Task Rpc_NoOrBadToken_401InKubosBody(string command)
    {
        using var anonymous = shared.App.CreateClient();
        using var forged = shared.App.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fgw_" + new string('x', 43));

        using var missing = await KuboRpc.PostAsync(anonymous, command);
        var invalid = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(forged, command), 401);

        Assert.Equal("Credentials are required.", await KuboRpc.ReadErrorAsync(missing, 401));
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("The credential is not valid.", invalid);
    }

    [Theory]
    [InlineData("GET", "add")]
    [InlineData("GET", "pin/ls")]
    [InlineData("PUT", "cat")]
    public async Task Rpc_NotPost_405WithAllowPost(string method, string command)
    {
        using var response = await shared.User.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v0/" + command));

        Assert.Contains("405 - Method Not Allowed", await KuboRpc.ReadErrorAsync(response, 405), StringComparison.Ordinal);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Rpc_UnknownCommand_404NamingTheServedOnes()
    {
        var message = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, "swarm/peers"), 404);

        Assert.Equal("unknown command \"swarm/peers\": this gateway serves add, cat, block/get, dag/import, pin/add, pin/rm, pin/ls", message);
    }

    [Fact]
    public async Task Rpc_StorageDown_503WithRetryAfterInKubosBody()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = UnreachableStorage.ConnectionString() });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fgw_" + new string('x', 43));

        using var response = await KuboRpc.PostAsync(client, "pin/ls");

        Assert.StartsWith("Storage is unavailable; try again later.", await KuboRpc.ReadErrorAsync(response, 503), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
