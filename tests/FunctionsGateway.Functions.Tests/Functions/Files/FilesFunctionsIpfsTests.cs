using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Tests.Functions.Files;

/// <summary>The files API with the <c>ipfs</c> backend configured, against a real js-ipfs node.</summary>
[Collection(IpfsCollection.Name)]
public sealed class FilesFunctionsIpfsTests(AzuriteFixture azurite, IpfsNodeFixture ipfs)
{
    [Fact]
    public async Task PutFile_BackendIpfs_StoredOnTheNodeAndServedWholeAndByRange()
    {
        await using var app = CreateApplication();
        var (client, _, _) = await app.CreateUserClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(400_000);

        var created = await GatewayApplication.ReadJsonAsync(await client.PutAsync("/v1/files/a.bin?backend=ipfs", new ByteArrayContent(bytes)));
        var id = created.GetProperty("id").GetString()!;
        var status = await GatewayApplication.WaitForFileStateAsync(client, id, "stored");
        using var whole = await client.GetAsync($"/v1/files/{id}");
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/v1/files/{id}");
        ranged.Headers.Range = new RangeHeaderValue(262_140, 262_149);
        using var part = await client.SendAsync(ranged);

        Assert.Equal("ipfs", status.GetProperty("backend").GetString());
        var cid = Cid.Parse(created.GetProperty("cid").GetString()!);
        using var node = new KuboRpcClient(Options.Create(new IpfsOptions { ApiUrl = ipfs.ApiUrl }), NullLogger<KuboRpcClient>.Instance);
        Assert.Single(await node.PinListAsync(KuboPinType.Recursive, [cid]));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 262140-262149/400000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[262_140..262_150], await part.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("IPFS-cluster")]
    public async Task PutFile_UnknownBackend_400NamingTheConfiguredOnes(string backend)
    {
        await using var app = CreateApplication();
        var (client, _, _) = await app.CreateUserClientAsync();

        using var response = await client.PutAsync($"/v1/files/a.bin?backend={backend}", new ByteArrayContent([1, 2, 3]));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("unknown_backend", await GatewayApplication.ReadErrorCodeAsync(response, 400));
        Assert.Contains("local", text, StringComparison.Ordinal);
        Assert.Contains("ipfs", text, StringComparison.Ordinal);
        Assert.Empty((await GatewayApplication.ReadJsonAsync(await client.GetAsync("/v1/files"))).GetProperty("items").EnumerateArray());
    }

    private GatewayApplication CreateApplication() =>
        new(azurite, new Dictionary<string, string?> { ["Gateway:Ipfs:ApiUrl"] = ipfs.ApiUrl });
}
