using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FunctionsGateway.Core.Tooling;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>
/// The built handler started the way the Functions host starts it (DESIGN.md §2): its executable in the app
/// root, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> in the environment, settings as environment variables, pushes
/// delivered as queue-trigger invocations.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LaunchContractTests(AzuriteFixture azurite)
{
    private const string OperatorKey = "launch-contract-operator-key";

    [Fact]
    public async Task Handler_StartedByTheLaunchContract_AnswersReadinessHealthOpenApiOpsFilesAndPushes()
    {
        var port = FreePorts.Next();
        using var handler = Start(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForReadinessAsync(http, handler);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);

            http.DefaultRequestHeaders.Add("X-Operator-Key", OperatorKey);
            var identity = await GatewayApplication.ReadJsonAsync(await http.PostAsJsonAsync("/ops/identities", new { name = "launch" }));
            var token = await GatewayApplication.ReadJsonAsync(await http.PostAsync($"/ops/identities/{identity.GetProperty("id").GetString()}/tokens", null));
            http.DefaultRequestHeaders.Remove("X-Operator-Key");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());

            var bytes = new byte[300_000];
            Random.Shared.NextBytes(bytes);
            var file = await GatewayApplication.ReadJsonAsync(await http.PutAsync("/v1/files/launch.bin", new ByteArrayContent(bytes)));
            var id = file.GetProperty("id").GetString();

            var pushText = $$"""{"owner":"{{identity.GetProperty("id").GetString()}}","file":"{{id}}"}""";
            using var pushed = await http.PostAsync("/PushWorker", Functions.Queues.PushWorkerTests.Invocation(pushText, 1));
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
            var status = await GatewayApplication.ReadJsonAsync(await http.GetAsync($"/v1/files/{id}/status"));
            Assert.Equal("stored", status.GetProperty("state").GetString());
            Assert.Equal(bytes, await http.GetByteArrayAsync($"/v1/files/{id}"));

            // Real Kestrel: a JSON body over the small-body limit is refused before it is read.
            using var huge = await http.PostAsync("/ops/identities", new StringContent("{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Contains("payload_too_large", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await LaunchContract.StopAsync(handler);
        }
    }

    [Fact]
    public async Task Handler_KuboAddThenPushThenGateway_OverRealKestrel()
    {
        var port = FreePorts.Next();
        using var handler = Start(port, environment: new Dictionary<string, string> { ["Gateway__Uploads__MaxFileBytes"] = "100000" });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForReadinessAsync(http, handler);
            http.DefaultRequestHeaders.Add("X-Operator-Key", OperatorKey);
            var identity = await GatewayApplication.ReadJsonAsync(await http.PostAsJsonAsync("/ops/identities", new { name = "kubo" }));
            var ownerId = identity.GetProperty("id").GetString();
            var token = await GatewayApplication.ReadJsonAsync(await http.PostAsync($"/ops/identities/{ownerId}/tokens", null));
            http.DefaultRequestHeaders.Remove("X-Operator-Key");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());

            using var form = Functions.Kubo.KuboRpc.Files(("hello.txt", "hello\n"u8.ToArray()), ("too-big.bin", new byte[100_001]));
            using var added = await http.PostAsync("/api/v0/add?cid-version=1&wrap-with-directory=true", form);
            var lines = await Functions.Kubo.KuboRpc.ReadLinesAsync(added);
            Assert.Equal("bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am", lines[0].GetProperty("Hash").GetString());
            Assert.Equal("error", lines[1].GetProperty("Type").GetString());
            // Kestrel sends no trailers over HTTP/1.1: the error line is what reports the failure there.
            Assert.Contains("100000", lines[1].GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.Equal("X-Stream-Error", added.Headers.Trailer.Single());

            using var wrapped = await http.PostAsync("/api/v0/add?cid-version=1&wrap-with-directory=true", Functions.Kubo.KuboRpc.Files(("hello.txt", "hello\n"u8.ToArray())));
            var directory = (await Functions.Kubo.KuboRpc.ReadLinesAsync(wrapped))[^1].GetProperty("Hash").GetString();
            Assert.Equal("bafybeigdcg7pksx2zk5336vrfsktjodlr4rbfz37qr3koc5xboxe5ekv24", directory);

            var id = (await GatewayApplication.ReadJsonAsync(await http.GetAsync("/v1/files"))).GetProperty("items")[0].GetProperty("id").GetString();
            var pushText = $$"""{"owner":"{{ownerId}}","file":"{{id}}"}""";
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/PushWorker", Functions.Queues.PushWorkerTests.Invocation(pushText, 1))).StatusCode);

            http.DefaultRequestHeaders.Authorization = null;
            Assert.Equal("hello\n", await http.GetStringAsync($"/ipfs/{directory}/hello.txt"));
            using var car = await http.GetAsync($"/ipfs/{directory}/hello.txt?format=car");
            var (_, blocks) = await Functions.Ipfs.IpfsTrustlessGatewayTests.ReadCarAsync(car);
            Assert.Equal([directory, "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am"], blocks.Select(b => b.ToString()));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.GetAsync("/api/v0/add")).StatusCode);
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Handler_KuboAddFromANodeFetchClient_TheReferenceImportersCidsAndSizes()
    {
        await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.UnixFsPeer, Path.Combine("node_modules", "ipfs-unixfs-importer", "package.json"));
        var port = FreePorts.Next();
        using var handler = Start(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForReadinessAsync(http, handler);
            http.DefaultRequestHeaders.Add("X-Operator-Key", OperatorKey);
            var identity = await GatewayApplication.ReadJsonAsync(await http.PostAsJsonAsync("/ops/identities", new { name = "node" }));
            var token = await GatewayApplication.ReadJsonAsync(await http.PostAsync($"/ops/identities/{identity.GetProperty("id").GetString()}/tokens", null));

            var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.UnixFsPeer, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("kubo-add-fetch.mjs");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.ArgumentList.Add(token.GetProperty("token").GetString()!);
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"node failed: {await errors}");

            var cases = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(4, cases.Count);
            Assert.All(cases, c =>
            {
                Assert.Equal(c.GetProperty("referenceHash").GetString(), c.GetProperty("hash").GetString());
                Assert.Equal(c.GetProperty("referenceSize").GetString(), c.GetProperty("size").GetString());
            });
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Handler_StorageDown_StillAnswersReadinessAndHealthSays503()
    {
        var port = FreePorts.Next();
        using var handler = Start(port, UnreachableStorage.ConnectionString());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForReadinessAsync(http, handler);
            using var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.NotNull(health.Headers.RetryAfter);
        }
        finally
        {
            await LaunchContract.StopAsync(handler);
        }
    }

    private Process Start(int port, string? storage = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(HandlerBuildOutput.Executable), $"The handler is not built at {HandlerBuildOutput.Executable}.");
        return LaunchContract.Start(LaunchContract.StartInfo(HandlerBuildOutput.Executable, port, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage ?? azurite.ConnectionString,
            ["Gateway__Operator__Key"] = OperatorKey,
            ["Gateway__Storage__ResourcePrefix"] = AzuriteFixture.UniqueName("l"),
            ["Gateway__Storage__MaxRetries"] = "0",
            ["Gateway__Uploads__PushWorker"] = "Off",
        }.Concat(environment ?? new Dictionary<string, string>()).GroupBy(p => p.Key).Select(g => g.Last())));
    }

    /// <summary>Polls GET / as the host does (spec/azure.md §1.2), for at most 30 s.</summary>
    private static Task WaitForReadinessAsync(HttpClient http, Process handler) =>
        LaunchContract.WaitForOkAsync(http, handler, "/", TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(30));
}
