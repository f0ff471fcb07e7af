using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>
/// One backend outage as an operator lives it, through the whole gateway with its hosted push worker, in two
/// deployments that differ only in their retry budget: file A, on a gateway with a short budget, retries with backoff
/// while the backend is down until the budget is spent (<c>failed</c>, its message in the poison queue); file B, on a
/// gateway with a long budget, is <c>staged</c> with the reason until the backend comes back and then moves to
/// <c>stored</c> by itself (however long the restart takes); the operator route re-queues A, which is then stored too.
/// The backend is a real process the test stops and starts.
/// </summary>
internal static class BackendOutage
{
    /// <summary>Attempts per push on the short-budget gateway: 200 ms, 400 ms, 800 ms, 800 ms of backoff between them.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Runs the scenario; <paramref name="stopAsync"/> and <paramref name="startAsync"/> take the backend down and bring it back.</summary>
    /// <param name="settings">The backend's settings (it is the default backend of both gateways).</param>
    /// <returns>The owners of A and B and the two stored files' ids, for the caller to look at the backend.</returns>
    public static async Task<(string OwnerA, string FileA, string OwnerB, string FileB)> RunAsync(
        AzuriteFixture azurite, Dictionary<string, string?> settings, Func<Task> stopAsync, Func<Task> startAsync, string reasonFragment)
    {
        await using var app = new GatewayApplication(azurite, Budget(settings, MaxAttempts));
        await using var patient = new GatewayApplication(azurite, Budget(settings, 100));
        var (client, ownerId, _) = await app.CreateUserClientAsync();
        var (patientClient, patientOwnerId, _) = await patient.CreateUserClientAsync();
        var bytesA = RandomNumberGenerator.GetBytes(30_000);
        var bytesB = RandomNumberGenerator.GetBytes(20_000);
        string idA, idB;
        JsonElement failedA, pendingB;
        var poisoned = new List<string>();

        await stopAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            idA = await PutAsync(client, "a.bin", bytesA);
            failedA = await WaitForAsync(client, idA, s => s.GetProperty("state").GetString() == "failed");
            var budgetSpent = clock.Elapsed;
            var names = app.Services.GetRequiredService<StorageNames>();
            // The worker marks the file failed, then moves its message to the poison queue: wait for the second step.
            var queues = app.Services.GetRequiredService<IQueueStorage>();
            for (var polls = 0; poisoned.Count == 0 && polls < 100; polls++)
            {
                poisoned.AddRange((await queues.PeekAsync(names.PushPoisonQueue, 32)).Select(m => m.Text));
                if (poisoned.Count == 0)
                {
                    await Task.Delay(100);
                }
            }

            idB = await PutAsync(patientClient, "b.bin", bytesB);
            pendingB = await WaitForAsync(patientClient, idB, s => s.GetProperty("attempts").GetInt32() >= 2);

            // 0.2 + 0.4 + 0.8 + 0.8 s of backoff between five attempts: the retries waited.
            Assert.True(budgetSpent >= TimeSpan.FromSeconds(2.2), $"A was out of attempts after {budgetSpent}");
        }
        finally
        {
            await startAsync();
        }

        var storedB = await WaitForAsync(patientClient, idB, s => s.GetProperty("state").GetString() == "stored");
        var stillFailedA = await ReadStatusAsync(client, idA);
        using var ops = app.CreateOperatorClient();
        using var requeued = await ops.PostAsync($"/ops/files/{ownerId}/{idA}/requeue", null);
        var requeuedA = await GatewayApplication.ReadJsonAsync(requeued);
        var storedA = await WaitForAsync(client, idA, s => s.GetProperty("state").GetString() == "stored");
        using var again = await ops.PostAsync($"/ops/files/{ownerId}/{idA}/requeue", null);

        Assert.Equal((MaxAttempts, true), (failedA.GetProperty("attempts").GetInt32(), failedA.GetProperty("lastError").GetString()!.Contains(reasonFragment, StringComparison.Ordinal)));
        Assert.Equal(idA, PushMessage.TryParse(Assert.Single(poisoned))!.FileId);
        Assert.Equal("staged", pendingB.GetProperty("state").GetString());
        Assert.Contains(reasonFragment, pendingB.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.False(storedB.TryGetProperty("lastError", out _));
        Assert.Equal("failed", stillFailedA.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Accepted, requeued.StatusCode);
        Assert.Equal(("staged", 0), (requeuedA.GetProperty("state").GetString(), requeuedA.GetProperty("attempts").GetInt32()));
        Assert.Equal(1, storedA.GetProperty("attempts").GetInt32());
        Assert.Equal("file_stored", await GatewayApplication.ReadErrorCodeAsync(again, 409));
        Assert.Equal(bytesA, await client.GetByteArrayAsync($"/v1/files/{idA}"));
        Assert.Equal(bytesB, await patientClient.GetByteArrayAsync($"/v1/files/{idB}"));
        var listed = await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"));
        Assert.Equal(idA, listed.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
        return (ownerId, idA, patientOwnerId, idB);
    }

    /// <summary>The backend's settings on a gateway with its hosted push worker, fast backoff and <paramref name="maxAttempts"/>.</summary>
    private static Dictionary<string, string?> Budget(Dictionary<string, string?> settings, int maxAttempts)
    {
        var budget = new Dictionary<string, string?>(settings)
        {
            ["Gateway:Uploads:PushWorker"] = "On",
            ["Gateway:Uploads:PushPollInterval"] = "00:00:00.100",
            ["Gateway:Uploads:PushMaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:Uploads:PushBaseDelay"] = "00:00:00.200",
            ["Gateway:Uploads:PushMaxDelay"] = "00:00:00.800",
        };
        return budget;
    }

    private static async Task<string> PutAsync(HttpClient client, string name, byte[] bytes)
    {
        var file = await GatewayApplication.ReadJsonAsync(await client.PutAsync($"/v1/files/{name}", new ByteArrayContent(bytes)));
        return file.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ReadStatusAsync(HttpClient client, string id) =>
        await GatewayApplication.ReadJsonAsync(await client.GetAsync($"/v1/files/{id}/status"));

    /// <summary>Polls the file's status until <paramref name="condition"/> holds (at most 30 s).</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, string id, Func<JsonElement, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await ReadStatusAsync(client, id);
            if (condition(status))
            {
                return status;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"file {id} is still {status}");
            await Task.Delay(50);
        }
    }
}
