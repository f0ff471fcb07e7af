using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests;

/// <summary>The handler in-process against the fixture's Azurite, with its own resource prefix.</summary>
public sealed class GatewayApplication : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the handler registered its own.</param>
    public GatewayApplication(AzuriteFixture azurite, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Uploads:PushWorker"] = "On",
            ["Gateway:Uploads:PushPollInterval"] = "00:00:00.200",
            ["Gateway:Pins:Worker"] = "On",
            ["Gateway:Pins:PollInterval"] = "00:00:00.200",
            ["Gateway:Pins:RetryBaseDelay"] = "00:00:00.200",
            ["Gateway:Pins:RetryMaxDelay"] = "00:00:01",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        _settings = GatewayServices.Settings(azurite, settings);
    }

    /// <summary>
    /// Serves the handler on real Kestrel at <c>127.0.0.1:{port}</c>, as the launch contract does, instead of the
    /// in-memory test server (which buffers request bodies, so a connection cut mid-body cannot be staged there).
    /// Call before anything else; <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> then talks to it.
    /// </summary>
    public Uri StartKestrel()
    {
        var port = FreePorts.Next();
        _settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        UseKestrel();
        StartServer();
        return new Uri($"http://127.0.0.1:{port}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>A client that sends the operator key.</summary>
    public HttpClient CreateOperatorClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Operator-Key", OperatorKey);
        return client;
    }

    /// <summary>Creates an identity and a bearer token through the operator API; returns a client using it.</summary>
    public async Task<(HttpClient Client, string IdentityId, string CredentialId)> CreateUserClientAsync(string name = "user")
    {
        using var ops = CreateOperatorClient();
        var identity = await ReadJsonAsync(await ops.PostAsJsonAsync("/ops/identities", new { name }));
        var id = identity.GetProperty("id").GetString()!;
        var issued = await ReadJsonAsync(await ops.PostAsync($"/ops/identities/{id}/tokens", null));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        return (client, id, issued.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the gateway's error envelope and returns its code.</summary>
    public static async Task<string> ReadErrorCodeAsync(HttpResponseMessage response, int expectedStatus)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        return error.GetProperty("code").GetString()!;
    }

    /// <summary>Polls <c>GET /v1/files/{id}/status</c> until the file is in <paramref name="state"/> (at most 30 s); returns the status.</summary>
    public static async Task<JsonElement> WaitForFileStateAsync(HttpClient client, string id, string state)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await ReadJsonAsync(await client.GetAsync($"/v1/files/{id}/status"));
            if (status.GetProperty("state").GetString() == state)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"file {id} is still {status.GetProperty("state").GetString()}");
            await Task.Delay(100);
        }
    }
}
