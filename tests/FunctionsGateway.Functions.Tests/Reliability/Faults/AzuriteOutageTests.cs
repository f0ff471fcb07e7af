using System.Net;
using System.Security.Cryptography;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>The tests that stop and restart an Azurite of their own.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteOutageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite-outage";
}

/// <summary>Azurite (the gateway's only store) killed in the middle of an upload and started again.</summary>
[Collection(AzuriteOutageCollection.Name)]
public sealed class AzuriteOutageTests(AzuriteFixture azurite)
{
    /// <summary>Azurite saves its table and blob metadata every 5 s; a killed Azurite forgets what came later.</summary>
    private static readonly TimeSpan AzuriteSaveInterval = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Upload_AzuriteKilledMidBody_NoSuccessNoRecordThenTheSameUploadSucceeds()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Storage:MaxRetries"] = "0",
            ["Gateway:Uploads:PushWorker"] = "Off",
            ["Gateway:Uploads:BlockSizeBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        app.StartKestrel();
        var (client, ownerId, _) = await app.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        // The identity, its token and the gateway's containers, tables and queues survive the kill.
        await Task.Delay(AzuriteSaveInterval);

        var body = new PausingContent(bytes, 2 * 1024 * 1024 + 10);
        var upload = client.PutAsync("/v1/files/outage.bin", body);
        await body.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        HttpStatusCode? answered = null;
        Exception? reset = null;
        await azurite.Azurite.StopAsync();
        try
        {
            body.Resume();
            using var response = await upload;
            answered = response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            reset = e;
        }
        finally
        {
            await azurite.Azurite.RestartAsync();
        }

        var afterOutage = await app.Services.GetRequiredService<FileIndex>().ListAsync(ownerId, 100, null);
        using var retried = await client.PutAsync("/v1/files/outage.bin", new ByteArrayContent(bytes));
        var file = await GatewayApplication.ReadJsonAsync(retried);
        var listed = await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"));

        Assert.True(reset is not null || answered is HttpStatusCode.ServiceUnavailable, $"the interrupted upload answered {answered}");
        Assert.Empty(afterOutage.Items);
        Assert.Equal("staged", file.GetProperty("state").GetString());
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
        Assert.Equal(file.GetProperty("id").GetString(), listed.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/v1/files/{file.GetProperty("id").GetString()}"));
    }
}
