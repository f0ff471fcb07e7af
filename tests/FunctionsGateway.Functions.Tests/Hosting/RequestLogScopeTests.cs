using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FunctionsGateway.Functions.Functions.Files;
using FunctionsGateway.Functions.Hosting;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>
/// The request log scope (<see cref="RequestLogScope"/>) seen through an in-memory logger provider with every level
/// enabled: the ids ride on each line, and no secret a client sends or receives is ever written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestLogScopeTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> EveryLevel = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    [Fact]
    public async Task Upload_Authenticated_LinesCarryRequestIdFunctionNameAndIdentityId()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new GatewayApplication(azurite, EveryLevel, s => s.AddSingleton<ILoggerProvider>(logs));
        var (client, identityId, _) = await app.CreateUserClientAsync();

        using var put = await client.PutAsync("/v1/files/scoped.txt", new StringContent("scoped"));
        var id = (await GatewayApplication.ReadJsonAsync(put)).GetProperty("id").GetString()!;

        var staged = Assert.Single(logs.Logs, l => l.Message.Contains(id, StringComparison.Ordinal) && l.Category.EndsWith("UploadPipeline", StringComparison.Ordinal));
        Assert.Equal(PutFile.Name, staged.Scope(nameof(RequestLogScope.FunctionName)));
        Assert.Equal(identityId, staged.Scope(nameof(RequestLogScope.IdentityId)));
        Assert.False(string.IsNullOrEmpty(staged.Scope(nameof(RequestLogScope.RequestId)) as string));
        // The same request id on the endpoint's own lines, logged after the auth filter ran.
        var requestId = staged.Scope(nameof(RequestLogScope.RequestId));
        Assert.Contains(logs.Logs, l => l.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)
            && Equals(l.Scope(nameof(RequestLogScope.RequestId)), requestId) && Equals(l.Scope(nameof(RequestLogScope.IdentityId)), identityId));
    }

    [Fact]
    public async Task Requests_OperatorKeyTokensAndBadCredentials_NoSecretInAnyLine()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new GatewayApplication(azurite, EveryLevel, s => s.AddSingleton<ILoggerProvider>(logs));
        using var ops = app.CreateOperatorClient();
        var identity = await GatewayApplication.ReadJsonAsync(await ops.PostAsJsonAsync("/ops/identities", new { name = "secrets" }));
        var issued = await GatewayApplication.ReadJsonAsync(await ops.PostAsync($"/ops/identities/{identity.GetProperty("id").GetString()}/tokens", null));
        var token = issued.GetProperty("token").GetString()!;
        const string WrongToken = "fg_wrong_token_value_0123456789abcdef";
        const string WrongKey = "wrong-operator-key-0123456789";

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var put = await client.PutAsync("/v1/files/secret.txt", new StringContent("bytes"));
        using var list = await client.GetAsync("/v1/files");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WrongToken);
        using var refused = await client.GetAsync("/v1/files");
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("X-Operator-Key", WrongKey);
        using var refusedOps = await client.GetAsync("/ops/identities");

        Assert.True(put.IsSuccessStatusCode && list.IsSuccessStatusCode);
        Assert.Equal((401, 401), ((int)refused.StatusCode, (int)refusedOps.StatusCode));
        Assert.NotEmpty(logs.Logs);
        string[] secrets = [GatewayApplication.OperatorKey, token, WrongToken, WrongKey];
        Assert.All(logs.Logs, l => Assert.All(secrets, s => Assert.DoesNotContain(s, l.AllText(), StringComparison.Ordinal)));
    }
}
