using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Functions.Tests.Functions.Cess;
using FunctionsGateway.Functions.Tests.Functions.Gw3;
using FunctionsGateway.Functions.Tests.Functions.Kubo;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FunctionsGateway.Functions.Tests.Reliability.Load;

/// <summary>
/// A mixed workload (uploads of 1 KiB to 10 MiB, downloads, listings, authenticated reads on each surface) against the
/// handler started by the launch contract and Azurite on loopback, with the push worker running: no request fails, and
/// the rate-limit counters in Table storage equal the requests the client had admitted, to the unit. Short by default
/// (<see cref="ShortConnections"/> connections, <see cref="ShortSeconds"/> s); <c>FG_LOAD_SECONDS</c> and
/// <c>FG_LOAD_CONNECTIONS</c> make it the full run (<c>benchmarks/load/run.sh</c>: 50 connections, 60 s), whose
/// figures go to docs/performance.md; <c>FG_LOAD_REPORT</c> names a file for the Markdown table.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class MixedLoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    public const int ShortSeconds = 5;
    public const int ShortConnections = 10;

    private static readonly int[] UploadSizes = [1024, 64 * 1024, 1024 * 1024, 10 * 1024 * 1024];

    [Fact]
    public async Task MixedWorkload_EverySurface_NoErrorsAndRateLimitCountersExact()
    {
        var seconds = Setting("FG_LOAD_SECONDS", ShortSeconds);
        var connections = Setting("FG_LOAD_CONNECTIONS", ShortConnections);
        await using var gateway = await LaunchedGateway.StartAsync(azurite, new Dictionary<string, string?>(SurfaceCredentials.Settings)
        {
            ["Gateway:Uploads:PushWorker"] = "On",
            ["Gateway:Uploads:PushPollInterval"] = "00:00:00.200",
            ["Gateway:Memo:Storage:Ipfs"] = "local",
            // Limits no run reaches, in a window no run outlasts: every admitted request is counted, none refused.
            ["Gateway:RateLimits:Window"] = "1.00:00:00",
            ["Gateway:RateLimits:DefaultLimit"] = "1000000",
            ["Gateway:RateLimits:Limits:psa"] = "1000000",
            ["Gateway:RateLimits:Limits:PsaListPins"] = "1000000",
        });
        var credentials = await SurfaceCredentials.IssueAsync(gateway.Twin, "load");
        var content = await PrepareAsync(gateway, credentials);
        var before = await CountersAsync(gateway, credentials.IdentityId);

        var report = await MixedWorkload.RunAsync(gateway.Address, Operations(credentials, content), connections, TimeSpan.FromSeconds(seconds));
        var after = await CountersAsync(gateway, credentials.IdentityId);

        var table = report.ToMarkdown();
        output.WriteLine(table);
        if (Environment.GetEnvironmentVariable("FG_LOAD_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, table);
        }

        Assert.True(report.Errors.Count == 0, "failed requests:\n" + string.Join('\n', report.Errors));
        Assert.All(report.Routes, r => Assert.True(r.Requests > 0, $"{r.Route} was never sent"));
        foreach (var function in after.Keys.Union(report.Admitted.Keys))
        {
            Assert.Equal((function, report.Admitted.GetValueOrDefault(function)), (function, after.GetValueOrDefault(function) - before.GetValueOrDefault(function)));
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>What the reads read: files of 1 KiB and 1 MiB, a public IPFS file (pushed), a Gateway3 upload, a CESS file.</summary>
    private static async Task<LoadContent> PrepareAsync(LaunchedGateway gateway, SurfaceCredentials credentials)
    {
        var http = gateway.Http;
        using var small = Bearer(HttpMethod.Put, "/v1/files/small.bin", credentials, new ByteArrayContent(RandomNumberGenerator.GetBytes(1024)));
        var smallId = (await GatewayApplication.ReadJsonAsync(await http.SendAsync(small))).GetProperty("id").GetString()!;
        using var large = Bearer(HttpMethod.Put, "/v1/files/large.bin", credentials, new ByteArrayContent(RandomNumberGenerator.GetBytes(1024 * 1024)));
        var largeId = (await GatewayApplication.ReadJsonAsync(await http.SendAsync(large))).GetProperty("id").GetString()!;

        using var add = Bearer(HttpMethod.Post, "/api/v0/add?cid-version=1", credentials, KuboRpc.Files(("public.bin", RandomNumberGenerator.GetBytes(4096))));
        var publicCid = (await KuboRpc.ReadLinesAsync(await http.SendAsync(add)))[0].GetProperty("Hash").GetString()!;

        var gw3 = new Gw3Client(http, credentials.Gw3Key, credentials.Gw3Secret, Gw3AuthStyle.Headers);
        var gw3Cid = await gw3.UploadAsync(RandomNumberGenerator.GetBytes(2048));

        using var cessPut = await CessClient.PutAsync(http, credentials.CessToken, "load.bin", RandomNumberGenerator.GetBytes(2048));
        var fid = (await CessClient.ReadAsync(cessPut)).GetProperty("data").GetString()!;

        foreach (var path in new[] { $"/ipfs/{publicCid}", $"/gw3/ipfs/{gw3Cid}" })
        {
            await WhenReadableAsync(http, credentials, path);
        }

        return new LoadContent(smallId, largeId, publicCid, gw3Cid, fid);
    }

    private static IReadOnlyList<LoadOperation> Operations(SurfaceCredentials credentials, LoadContent content)
    {
        var uploads = UploadSizes.Select(size => RandomNumberGenerator.GetBytes(size)).ToArray();
        var sequence = 0;
        string Unique(string stem) => $"{stem}-{Interlocked.Increment(ref sequence)}.bin";
        HttpRequestMessage Request(HttpMethod method, string path, HttpContent? body = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = body };
            credentials.Apply(request, path);
            return request;
        }

        HttpRequestMessage Form(string path, string name, byte[] bytes)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            return Request(HttpMethod.Post, path, form);
        }

        return
        [
            // Uploads, 1 KiB to 10 MiB; the 10 MiB ones rare enough that reads stay most of the mix.
            new("PUT /v1/files/{name} 1 KiB", 4, "FilesPut", () => Request(HttpMethod.Put, "/v1/files/" + Unique("a"), new ByteArrayContent(uploads[0]))),
            new("PUT /v1/files/{name} 64 KiB", 3, "FilesPut", () => Request(HttpMethod.Put, "/v1/files/" + Unique("b"), new ByteArrayContent(uploads[1]))),
            new("PUT /v1/files/{name} 1 MiB", 2, "FilesPut", () => Request(HttpMethod.Put, "/v1/files/" + Unique("c"), new ByteArrayContent(uploads[2]))),
            new("PUT /v1/files/{name} 10 MiB", 1, "FilesPut", () => Request(HttpMethod.Put, "/v1/files/" + Unique("d"), new ByteArrayContent(uploads[3]))),
            new("POST /api/v0/add 64 KiB", 3, "KuboAdd", () => Form("/api/v0/add", Unique("k"), uploads[1])),
            new("PUT /cess/{filename} 1 KiB", 2, null, () =>
            {
                var name = Unique("cess");
                var form = new MultipartFormDataContent { { new ByteArrayContent(uploads[0]), "file", name } };
                return Request(HttpMethod.Put, "/cess/" + name, form);
            }),
            new("POST /memo/ipfs 1 KiB", 2, null, () => Form("/memo/ipfs", Unique("memo"), uploads[0])),

            // Downloads and listings.
            new("GET /v1/files/{id} 1 KiB", 12, "FilesGet", () => Request(HttpMethod.Get, $"/v1/files/{content.SmallFileId}")),
            new("GET /v1/files/{id} 1 MiB", 4, "FilesGet", () => Request(HttpMethod.Get, $"/v1/files/{content.LargeFileId}")),
            new("GET /v1/files/{id}/status", 6, "FilesStatus", () => Request(HttpMethod.Get, $"/v1/files/{content.SmallFileId}/status")),
            new("GET /v1/files", 6, "FilesList", () => Request(HttpMethod.Get, "/v1/files?limit=20")),
            new("GET /ipfs/{cid}", 10, null, () => Request(HttpMethod.Get, $"/ipfs/{content.PublicCid}")),
            new("POST /api/v0/cat", 6, "KuboCat", () => Request(HttpMethod.Post, $"/api/v0/cat?arg={content.PublicCid}")),
            new("GET /psa/pins", 5, "PsaListPins", () => Request(HttpMethod.Get, "/psa/pins?limit=10")),
            new("GET /gw3/ipfs/{cid}", 8, null, () => Request(HttpMethod.Get, $"/gw3/ipfs/{content.Gw3Cid}")),
            new("GET /gw3/account/api/v0/stats", 4, null, () => Request(HttpMethod.Get, "/gw3/account/api/v0/stats")),
            new("GET /cess/files", 4, null, () => Request(HttpMethod.Get, "/cess/files")),
            new("GET /cess/{fid}", 4, null, () => Request(HttpMethod.Get, $"/cess/{content.CessFid}")),
            new("GET /cess/state/{fid}", 3, null, () => Request(HttpMethod.Get, $"/cess/state/{content.CessFid}")),
            new("GET /memo/ipfs/listobjects", 4, null, () => Request(HttpMethod.Get, "/memo/ipfs/listobjects")),
        ];
    }

    /// <summary>The identity's rate-limit counters by function.</summary>
    private static async Task<Dictionary<string, int>> CountersAsync(LaunchedGateway gateway, string identityId)
    {
        var tables = gateway.Twin.Services.GetRequiredService<ITableStorage>();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in tables.QueryAllAsync(gateway.Names.RateLimitsTable, $"PartitionKey eq '{TableKeys.Encode(identityId)}'"))
        {
            counters[row.RowKey] = (int)(row.GetInt64("Count") ?? 0);
        }

        return counters;
    }

    private static HttpRequestMessage Bearer(HttpMethod method, string path, SurfaceCredentials credentials, HttpContent content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Bearer);
        return request;
    }

    private static async Task WhenReadableAsync(HttpClient http, SurfaceCredentials credentials, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            credentials.Apply(request, path);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} still answers {(int)response.StatusCode}");
            await Task.Delay(200);
        }
    }

    private sealed record LoadContent(string SmallFileId, string LargeFileId, string PublicCid, string Gw3Cid, string CessFid);
}
