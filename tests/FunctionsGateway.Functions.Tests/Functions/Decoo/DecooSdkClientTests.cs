using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Tests.Functions.Decoo;

/// <summary>
/// A Decoo SDK-style client in Node (<c>tests/peers/unixfs/decoo-sdk.mjs</c>: access token from the cloud, CID by
/// ipfs-unixfs-importer, <c>secret</c> by <c>crypto.privateEncrypt</c>, multipart as the SDK sends it) against the gateway
/// on Kestrel, with the IPFS backend on a real js-ipfs node.
/// </summary>
[Collection(IpfsCollection.Name)]
public sealed class DecooSdkClientTests(AzuriteFixture azurite, IpfsNodeFixture ipfs) : IDisposable
{
    private readonly KuboRpcClient _node = new(Options.Create(new IpfsOptions { ApiUrl = ipfs.ApiUrl }), NullLogger<KuboRpcClient>.Instance);

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task SdkPinFile_CidOfTheFile_PinnedHereAndOnTheNode()
    {
        // The file is pushed to the node (backend ipfs) while its pin job waits for it; a short attempt keeps the wait short.
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Ipfs:ApiUrl"] = ipfs.ApiUrl,
            ["Gateway:Backend:Default"] = "ipfs",
            ["Gateway:Pins:AttemptTimeout"] = "00:00:02",
        });
        var baseUrl = app.StartKestrel().ToString().TrimEnd('/') + "/decoo";
        var user = await DecooUser.CreateAsync(app, "sdk user");
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var path = Path.Combine(Path.GetTempPath(), $"fg-decoo-sdk-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var result = await DecooSdkReference.RunOneAsync("pinFile", new JsonObject
            {
                ["cloudUrl"] = baseUrl,
                ["endpointUrl"] = baseUrl,
                ["apiKey"] = user.ApiKey,
                ["privateKeyBody"] = user.Keys.PrivateKeyBody,
                ["path"] = path,
                ["name"] = "photo.bin",
            });
            var cid = (string)result["cid"]!;
            var jobs = await GatewayApplication.ReadJsonAsync(await user.Cloud(app).GetAsync("/decoo/pinning/pinJobs"));
            var job = await user.WaitForJobAsync(app, jobs.GetProperty("Jobs")[0].GetProperty("Id").GetString()!, "pinned");

            Assert.Equal(200, (int)result["status"]!);
            Assert.Equal(cid, (string)result["body"]!["PinHash"]!);
            Assert.StartsWith("Qm", cid, StringComparison.Ordinal);
            Assert.Equal(cid, job.GetProperty("PinHash").GetString());
            Assert.Single(await _node.PinListAsync(KuboPinType.Recursive, [Cid.Parse(cid)]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SdkPinByHash_ContentOnTheNode_QueuedPinningPinned()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Ipfs:ApiUrl"] = ipfs.ApiUrl });
        var baseUrl = app.StartKestrel().ToString().TrimEnd('/') + "/decoo";
        var user = await DecooUser.CreateAsync(app, "sdk hash user");
        var added = await _node.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("only on the node " + Guid.NewGuid())), new KuboAddOptions { Pin = false });

        var result = await DecooSdkReference.RunOneAsync("pinByHash", new JsonObject
        {
            ["cloudUrl"] = baseUrl,
            ["endpointUrl"] = baseUrl,
            ["apiKey"] = user.ApiKey,
            ["privateKeyBody"] = user.Keys.PrivateKeyBody,
            ["cid"] = added.Cid.ToString(),
        });
        var body = result["body"]!;
        var job = await user.WaitForJobAsync(app, (string)body["JobId"]!, "pinned");
        var list = await GatewayApplication.ReadJsonAsync(await user.Cloud(app).GetAsync("/decoo/pinning/pinList"));

        Assert.Equal(200, (int)result["status"]!);
        Assert.Equal((added.Cid.ToString(), "queued"), ((string)body["HashToPin"]!, (string)body["JobStatus"]!));
        Assert.Equal(added.Cid.ToString(), job.GetProperty("PinHash").GetString());
        Assert.Single(await _node.PinListAsync(KuboPinType.Recursive, [added.Cid]));
        Assert.Equal(added.Cid.ToString(), Assert.Single(list.GetProperty("Pins").EnumerateArray()).GetProperty("PinHash").GetString());
    }
}
