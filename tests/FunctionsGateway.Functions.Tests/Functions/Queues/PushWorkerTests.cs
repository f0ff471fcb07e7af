using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Functions.Functions.Queues;
using Microsoft.Extensions.DependencyInjection;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class PushWorkerTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> NoPoller = new() { ["Gateway:Uploads:PushWorker"] = "Off" };

    [Fact]
    public void HostQueueName_AnyPrefix_ThePrefixSettingExpressionBeforeThePushQueue()
    {
        // The Functions host resolves %…% from the app setting, so one package serves every resource prefix.
        Assert.Equal("%Gateway__Storage__ResourcePrefix%push", PushWorker.HostQueueName);
        Assert.Equal(new StorageNames("").PushQueue, PushWorker.HostQueueName.Split('%')[^1]);
    }

    [Fact]
    public async Task Invocation_QueuedPushAsTheHostSendsIt_FileStored()
    {
        await using var app = new GatewayApplication(azurite, NoPoller);
        var (user, _, _) = await app.CreateUserClientAsync();
        var id = (await GatewayApplication.ReadJsonAsync(await user.PutAsync("/v1/files/a.txt", new StringContent("queued")))).GetProperty("id").GetString();
        var queues = app.Services.GetRequiredService<IQueueStorage>();
        var names = app.Services.GetRequiredService<StorageNames>();
        var message = Assert.Single(await queues.PeekAsync(names.PushQueue, 32));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/PushWorker", Invocation(message.Text, 1));
        var body = await GatewayApplication.ReadJsonAsync(response);
        var status = await GatewayApplication.ReadJsonAsync(await user.GetAsync($"/v1/files/{id}/status"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains("Stored", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("stored", status.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Invocation_NotAPushMessage_200AndPoisoned()
    {
        await using var app = new GatewayApplication(azurite, NoPoller);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/PushWorker", Invocation("garbage", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = app.Services.GetRequiredService<StorageNames>();
        Assert.Equal("garbage", Assert.Single(await app.Services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushPoisonQueue, 32)).Text);
    }

    [Fact]
    public async Task Invocation_NotAnInvocation_400()
    {
        await using var app = new GatewayApplication(azurite, NoPoller);
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/PushWorker", new StringContent("{\"foo\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal("not_an_invocation", await GatewayApplication.ReadErrorCodeAsync(response, 400));
    }

    /// <summary>The host's payload: the message text JSON-encoded once more inside Data (spec/azure.md §1.5).</summary>
    internal static StringContent Invocation(string messageText, int dequeueCount)
    {
        var payload = new Dictionary<string, object>
        {
            ["Data"] = new Dictionary<string, string> { ["message"] = JsonSerializer.Serialize(messageText) },
            ["Metadata"] = new Dictionary<string, string>
            {
                ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Id"] = JsonSerializer.Serialize(Guid.NewGuid().ToString()),
                ["sys"] = "{\"MethodName\":\"PushWorker\"}",
            },
        };
        return new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
    }
}
