using System.Net;
using System.Text.Json;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Functions.Tests.Functions.Psa;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Queues;

/// <summary>The pin worker's queue trigger, invoked as the Functions host invokes it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PinWorkerTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> NoPoller = new() { ["Gateway:Pins:Worker"] = "Off" };

    [Fact]
    public async Task Invocation_QueuedPinAsTheHostSendsIt_Pinned()
    {
        await using var app = new GatewayApplication(azurite, NoPoller);
        var (user, _, _) = await app.CreateUserClientAsync();
        var cid = (await KuboRpc.AddPublishedAsync(app, user, "pin=false", ("w.txt", "worked by the trigger"u8.ToArray()))).Single();
        var requestId = (await PsaRequests.AddAsync(user, $$"""{"cid":"{{cid}}"}""")).GetProperty("requestid").GetString();
        var queues = app.Services.GetRequiredService<IQueueStorage>();
        var names = app.Services.GetRequiredService<StorageNames>();
        var message = Assert.Single(await queues.PeekAsync(names.PinQueue, 32));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/PinWorker", PushWorkerTests.Invocation(message.Text, 1));
        var body = await GatewayApplication.ReadJsonAsync(response);
        var pin = await GatewayApplication.ReadJsonAsync(await user.GetAsync($"/psa/pins/{requestId}"));

        Assert.Contains("Done", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("pinned", pin.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invocation_CidNotHere_200AndRequeuedHiddenForTheBackoff()
    {
        await using var app = new GatewayApplication(azurite, NoPoller);
        var (user, _, _) = await app.CreateUserClientAsync();
        var requestId = (await PsaRequests.AddAsync(user, $$"""{"cid":"{{PsaRequests.UnknownCid}}"}""")).GetProperty("requestid").GetString();
        var queues = app.Services.GetRequiredService<IQueueStorage>();
        var names = app.Services.GetRequiredService<StorageNames>();
        var message = Assert.Single(await queues.ReceiveAsync(names.PinQueue, 32, TimeSpan.FromMinutes(5)));
        await queues.DeleteAsync(names.PinQueue, message.MessageId, message.PopReceipt!);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/PinWorker", PushWorkerTests.Invocation(message.Text, 1));
        var pin = await GatewayApplication.ReadJsonAsync(await user.GetAsync($"/psa/pins/{requestId}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("queued", pin.GetProperty("status").GetString());
        Assert.Contains("not found yet", pin.GetProperty("info").GetProperty("status_details").GetString(), StringComparison.Ordinal);
        Assert.Empty(await queues.PeekAsync(names.PinQueue, 32)); // Hidden for its backoff.
    }

    [Fact]
    public async Task Invocation_NotAPinJob_200AndPoisoned()
    {
        await using var app = new GatewayApplication(azurite, NoPoller);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/PinWorker", PushWorkerTests.Invocation("garbage", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = app.Services.GetRequiredService<StorageNames>();
        Assert.Equal("garbage", Assert.Single(await app.Services.GetRequiredService<IQueueStorage>().PeekAsync(names.PinPoisonQueue, 32)).Text);
        _ = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
