using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Decoo;

/// <summary>
/// A Decoo user as the tests need one: an identity with an API key (<c>POST /ops/identities/{id}/decoo-keys</c>) and an
/// RSA key pair made by Node whose public half is registered (<c>PUT /ops/identities/{id}/rsa-key</c>), and the calls of
/// the SDK written out in .NET (the Node SDK-style client is <see cref="DecooSdkReference"/>).
/// </summary>
public sealed record DecooUser(string IdentityId, string CredentialId, string ApiKey, DecooKeyPair Keys)
{
    /// <summary>Creates the identity, its API key and, unless <paramref name="registerKey"/> is false, its RSA key.</summary>
    public static async Task<DecooUser> CreateAsync(GatewayApplication app, string name = "decoo user", bool registerKey = true, DecooKeyPair? keys = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var ops = app.CreateOperatorClient();
        var identity = await GatewayApplication.ReadJsonAsync(await ops.PostAsJsonAsync("/ops/identities", new { name }));
        var id = identity.GetProperty("id").GetString()!;
        using var issued = await ops.PostAsync($"/ops/identities/{id}/decoo-keys", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, issued.StatusCode);
        var key = await GatewayApplication.ReadJsonAsync(issued);
        keys ??= await DecooSdkReference.GenerateKeyPairAsync();
        if (registerKey)
        {
            using var registered = await ops.PutAsync($"/ops/identities/{id}/rsa-key", new StringContent(keys.SpkiPem, Encoding.ASCII, "application/x-pem-file"));
            Assert.Equal(System.Net.HttpStatusCode.NoContent, registered.StatusCode);
        }

        return new DecooUser(id, key.GetProperty("id").GetString()!, key.GetProperty("apiKey").GetString()!, keys);
    }

    /// <summary>A client sending the API key as <c>Authorization: Bearer</c>.</summary>
    public HttpClient Cloud(GatewayApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary><c>GET /decoo/oauth/accessToken</c>'s <c>Data</c>.</summary>
    public async Task<string> AccessTokenAsync(GatewayApplication app)
    {
        using var cloud = Cloud(app);
        var envelope = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/oauth/accessToken"));
        return envelope.GetProperty("Data").GetString()!;
    }

    /// <summary>The secret of <paramref name="cid"/> with this user's private key, by Node's <c>crypto.privateEncrypt</c>.</summary>
    public async Task<string> SecretAsync(string cid) =>
        (string)(await DecooSdkReference.RunOneAsync("secret", new JsonObject { ["privateKey"] = Keys.PrivateKeyPem, ["cid"] = cid }))!;

    /// <summary>A secret of any 128-byte block (Node, <c>RSA_NO_PADDING</c>), for malformed-padding cases.</summary>
    public async Task<string> RawSecretAsync(byte[] block) =>
        (string)(await DecooSdkReference.RunOneAsync("rawSecret", new JsonObject { ["privateKey"] = Keys.PrivateKeyPem, ["blockHex"] = Convert.ToHexStringLower(block) }))!;

    /// <summary>The multipart body the SDK sends: <c>file</c> first, then <c>cid</c> and <c>secret</c> (and <c>decooMetadata</c> when given).</summary>
    public static MultipartFormDataContent PinFileForm(byte[] file, string? cid, string? secret, string? metadata = null, string fileName = "file.bin")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        if (cid is not null)
        {
            form.Add(new StringContent(cid), "cid");
        }

        if (secret is not null)
        {
            form.Add(new StringContent(secret), "secret");
        }

        if (metadata is not null)
        {
            form.Add(new StringContent(metadata), "decooMetadata");
        }

        return form;
    }

    /// <summary><c>POST /decoo/pinning/pinFile</c> with <paramref name="token"/> as <c>UserAccessToken</c>.</summary>
    public static Task<HttpResponseMessage> PinFileAsync(HttpClient http, string? token, HttpContent body)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = new HttpRequestMessage(HttpMethod.Post, "/decoo/pinning/pinFile") { Content = body };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("UserAccessToken", token);
        }

        return http.SendAsync(request);
    }

    /// <summary><c>POST /decoo/pinning/pinByHash</c> with a JSON body.</summary>
    public static Task<HttpResponseMessage> PinByHashAsync(HttpClient http, string? token, string json)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = new HttpRequestMessage(HttpMethod.Post, "/decoo/pinning/pinByHash") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("UserAccessToken", token);
        }

        return http.SendAsync(request);
    }

    /// <summary>Asserts Decoo's error body with this status (<c>Code</c>, <c>Message</c> = <c>Msg</c> = <paramref name="words"/>); returns the detail in <c>Data</c>.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, int status, string words)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, body.GetProperty("Code").GetInt32());
        Assert.Equal(words, body.GetProperty("Message").GetString());
        Assert.Equal(words, body.GetProperty("Msg").GetString());
        return body.GetProperty("Data").GetString()!;
    }

    /// <summary>Polls <c>pinJobs</c> until the job has <paramref name="status"/> (at most 30 s); returns the job.</summary>
    public async Task<JsonElement> WaitForJobAsync(GatewayApplication app, string jobId, string status)
    {
        using var cloud = Cloud(app);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var jobs = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinJobs?limit=1000"));
            var job = jobs.GetProperty("Jobs").EnumerateArray().Single(j => j.GetProperty("Id").GetString() == jobId);
            if (job.GetProperty("Status").GetString() == status)
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} is still {job.GetProperty("Status").GetString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Asserts that nothing of the user's is stored: no file record, no staged blob, no pin job.</summary>
    public async Task AssertNothingStoredAsync(GatewayApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var names = app.Services.GetRequiredService<StorageNames>();
        var page = await app.Services.GetRequiredService<FileIndex>().ListAsync(IdentityId, 10, null);
        var staged = await app.Services.GetRequiredService<IBlobStorage>().ListAsync(names.StagingContainer, IdentityId + "/").ToListAsync();
        using var cloud = Cloud(app);
        var jobs = await GatewayApplication.ReadJsonAsync(await cloud.GetAsync("/decoo/pinning/pinJobs"));

        Assert.Empty(page.Items);
        Assert.Empty(staged);
        Assert.Equal(0, jobs.GetProperty("Count").GetInt32());
    }
}
