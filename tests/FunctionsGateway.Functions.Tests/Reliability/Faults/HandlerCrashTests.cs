using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Amazon.S3.Model;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>
/// The handler started as the Functions host starts it (<see cref="LaunchContract"/>), killed while its push worker is
/// halfway through a multipart upload to MEFS's S3 gateway (s3rver), and started again: the message comes back when its
/// visibility timeout ends and the new process stores the file once.
/// </summary>
[Collection(MefsCollection.Name)]
public sealed class HandlerCrashTests(AzuriteFixture azurite, S3rverFixture s3rver)
{
    private const string OperatorKey = "handler-crash-operator-key";
    private const int PartBytes = 5 * 1024 * 1024;

    [Fact]
    public async Task Push_HandlerKilledMidMultipartThenRestarted_StoredOnceNothingLost()
    {
        var prefix = AzuriteFixture.UniqueName("k");
        var bytes = RandomNumberGenerator.GetBytes(8 * PartBytes);
        var (handler, http) = await StartAsync(prefix);
        string ownerId, id;
        bool stagedWhenKilled;
        try
        {
            http.DefaultRequestHeaders.Add("X-Operator-Key", OperatorKey);
            ownerId = (await GatewayApplication.ReadJsonAsync(await http.PostAsJsonAsync("/ops/identities", new { name = "crash" }))).GetProperty("id").GetString()!;
            var issued = (await GatewayApplication.ReadJsonAsync(await http.PostAsync($"/ops/identities/{ownerId}/tokens", null))).GetProperty("token").GetString();
            http.DefaultRequestHeaders.Remove("X-Operator-Key");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued);
            var logged = s3rver.Log.Count;

            id = (await GatewayApplication.ReadJsonAsync(await http.PutAsync("/v1/files/crash.bin", new ByteArrayContent(bytes)))).GetProperty("id").GetString()!;
            await WaitForFirstPartAsync(logged);
            await LaunchContract.StopAsync(handler);
            stagedWhenKilled = await ReadStateAsync(prefix, ownerId, id) == FileState.Staged;
        }
        finally
        {
            await LaunchContract.StopAsync(handler);
            handler.Dispose();
        }

        var token = http.DefaultRequestHeaders.Authorization;
        http.Dispose();
        (var restarted, http) = await StartAsync(prefix);
        try
        {
            http.DefaultRequestHeaders.Authorization = token;
            var status = await GatewayApplication.WaitForFileStateAsync(http, id, "stored");
            var listed = await GatewayApplication.ReadJsonAsync(await http.GetAsync("/v1/files"));
            using var s3 = s3rver.CreateClient();
            var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "fg-" + ownerId });

            Assert.True(stagedWhenKilled, "the push finished before the handler was killed; nothing was cut");
            Assert.Equal(1, status.GetProperty("attempts").GetInt32());
            Assert.Equal(id, listed.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
            Assert.Equal(id + "/crash.bin", Assert.Single(objects.S3Objects).Key);
            Assert.Equal(bytes.Length, Assert.Single(objects.S3Objects).Size);
            Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await http.GetByteArrayAsync($"/v1/files/{id}")));
        }
        finally
        {
            await LaunchContract.StopAsync(restarted);
            restarted.Dispose();
            http.Dispose();
        }
    }

    /// <summary>Waits until s3rver logs the first stored part of a multipart upload after line <paramref name="logged"/>.</summary>
    private async Task WaitForFirstPartAsync(int logged)
    {
        var deadline = Stopwatch.StartNew();
        while (!s3rver.Log.Skip(logged).Any(l => l.StartsWith("info: Stored part ", StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the push worker did not start a multipart upload");
            await Task.Delay(5);
        }
    }

    private async Task<FileState?> ReadStateAsync(string prefix, string ownerId, string id)
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Storage:ResourcePrefix"] = prefix });
        return (await services.GetRequiredService<FileIndex>().GetAsync(ownerId, id))?.State;
    }

    private async Task<(Process Handler, HttpClient Http)> StartAsync(string prefix)
    {
        Assert.True(File.Exists(HandlerBuildOutput.Executable), $"The handler is not built at {HandlerBuildOutput.Executable}.");
        var port = FreePorts.Next();
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Gateway__Operator__Key"] = OperatorKey,
            ["Gateway__Storage__ResourcePrefix"] = prefix,
            ["Gateway__Backend__Default"] = "mefs",
            ["Gateway__Mefs__PartSizeBytes"] = PartBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway__Uploads__PushWorker"] = "On",
            ["Gateway__Uploads__PushPollInterval"] = "00:00:00.100",
            // The message of the killed push comes back this long after it was received.
            ["Gateway__Uploads__PushVisibilityTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in s3rver.Settings())
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        var process = LaunchContract.Start(LaunchContract.StartInfo(HandlerBuildOutput.Executable, port, settings));
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        await LaunchContract.WaitForOkAsync(http, process, "/", TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(30));
        return (process, http);
    }
}
