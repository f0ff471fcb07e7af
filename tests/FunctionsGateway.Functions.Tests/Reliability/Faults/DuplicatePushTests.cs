using System.Net;
using System.Security.Cryptography;
using Amazon.S3.Model;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Tests.Functions.Queues;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>
/// One push message delivered several times, to two handler instances at once and again afterwards, as the Functions
/// host may do (at-least-once delivery, several instances on one queue): one object in MEFS's S3 gateway, one record.
/// </summary>
[Collection(MefsCollection.Name)]
public sealed class DuplicatePushTests(AzuriteFixture azurite, S3rverFixture s3rver)
{
    [Fact]
    public async Task PushWorker_SameMessageToTwoInstancesAtOnceThenAgain_OneObjectOneStoredRecord()
    {
        var settings = s3rver.Settings();
        settings["Gateway:Backend:Default"] = "mefs";
        settings["Gateway:Uploads:PushWorker"] = "Off";
        settings["Gateway:Storage:ResourcePrefix"] = AzuriteFixture.UniqueName("d");
        await using var first = new GatewayApplication(azurite, settings);
        await using var second = new GatewayApplication(azurite, settings);
        var (client, ownerId, _) = await first.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var id = (await GatewayApplication.ReadJsonAsync(await client.PutAsync("/v1/files/twice.bin", new ByteArrayContent(bytes)))).GetProperty("id").GetString()!;
        var names = first.Services.GetRequiredService<StorageNames>();
        var message = Assert.Single(await first.Services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushQueue, 32)).Text;
        using var workerA = first.CreateClient();
        using var workerB = second.CreateClient();

        var atOnce = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? workerA : workerB).PostAsync("/PushWorker", PushWorkerTests.Invocation(message, 1))));
        using var redelivered = await workerB.PostAsync("/PushWorker", PushWorkerTests.Invocation(message, 2));
        var status = await GatewayApplication.ReadJsonAsync(await client.GetAsync($"/v1/files/{id}/status"));
        var records = await first.Services.GetRequiredService<FileIndex>().ListAsync(ownerId, 100, null);
        using var s3 = s3rver.CreateClient();
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "fg-" + ownerId });

        Assert.All(atOnce.Append(redelivered), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(("stored", 1), (status.GetProperty("state").GetString(), status.GetProperty("attempts").GetInt32()));
        Assert.Equal(id, Assert.Single(records.Items).Id);
        Assert.Equal(id + "/twice.bin", Assert.Single(objects.S3Objects).Key);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/v1/files/{id}"));
        Assert.Empty(await first.Services.GetRequiredService<IQueueStorage>().PeekAsync(names.PushPoisonQueue, 32));
        foreach (var response in atOnce)
        {
            response.Dispose();
        }
    }
}
