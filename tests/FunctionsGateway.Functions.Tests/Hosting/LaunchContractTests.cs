using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
        }
    }

    private Process Start(int port, string? storage = null)
    {
        Assert.True(File.Exists(HandlerBuildOutput.Executable), $"The handler is not built at {HandlerBuildOutput.Executable}.");
        var start = new ProcessStartInfo(HandlerBuildOutput.Executable)
        {
            WorkingDirectory = HandlerBuildOutput.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["AzureWebJobsStorage"] = storage ?? azurite.ConnectionString;
        start.Environment["Gateway__Operator__Key"] = OperatorKey;
        start.Environment["Gateway__Storage__ResourcePrefix"] = AzuriteFixture.UniqueName("l");
        start.Environment["Gateway__Storage__MaxRetries"] = "0";
        start.Environment["Gateway__Uploads__PushWorker"] = "Off";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls GET / as the host does (spec/azure.md §1.2), for at most 30 s.</summary>
    private static async Task WaitForReadinessAsync(HttpClient http, Process handler)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(handler.HasExited, $"The handler exited with code {(handler.HasExited ? handler.ExitCode : 0)}.");
            try
            {
                using var response = await http.GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }
}
