using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsGateway.Testing;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>A SIWE-era user: an Ethereum wallet that signs challenges with EIP-191 (ours; ethers in the cross-checks).</summary>
internal sealed class MemoWallet(byte[] key)
{
    public MemoWallet()
        : this(MemoGatewayFixture.NewKey())
    {
    }

    public byte[] Key { get; } = key;

    public EthereumAddress Address { get; } = EthereumAddress.FromPrivateKey(key);

    /// <summary><c>GET /memo/challenge</c> from <paramref name="origin"/>; the message text.</summary>
    public async Task<string> ChallengeAsync(HttpClient client, string origin = MemoGatewayFixture.Origin, string? query = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/memo/challenge?address={Address}{query}");
        request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>The EIP-191 signature, 0x-hex, v 27/28 (or 0/1).</summary>
    public string Sign(string message, SignatureVForm form = SignatureVForm.Legacy) =>
        "0x" + Convert.ToHexStringLower(Eip191Signer.SignMessage(message, Key, form));

    /// <summary><c>POST /memo/login</c> with a message and signature.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string message, string signature) =>
        client.PostAsJsonAsync("/memo/login", new { message, signature });

    /// <summary>Challenge, sign, log in; the tokens.</summary>
    public async Task<(string Access, string Refresh)> LoginAsync(HttpClient client)
    {
        var message = await ChallengeAsync(client);
        using var response = await PostLoginAsync(client, message, Sign(message));
        var body = await GatewayApplication.ReadJsonAsync(response);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>Challenge, sign with ethers' <c>Wallet.signMessage</c>, log in; the tokens.</summary>
    public async Task<(string Access, string Refresh)> LoginWithEthersAsync(HttpClient client)
    {
        var message = await ChallengeAsync(client);
        var signature = (await EthersReference.RunAsync("signMessage", [new JsonObject { ["privateKey"] = "0x" + Convert.ToHexStringLower(Key), ["message"] = message }]))[0].Text;
        using var response = await PostLoginAsync(client, message, signature);
        var body = await GatewayApplication.ReadJsonAsync(response);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>A client of <paramref name="app"/> logged in as this wallet; <paramref name="ethers"/> has ethers sign the challenge.</summary>
    public async Task<HttpClient> LoggedInClientAsync(GatewayApplication app, bool ethers = false)
    {
        var client = app.CreateClient();
        var (access, _) = ethers ? await LoginWithEthersAsync(client) : await LoginAsync(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return client;
    }
}

/// <summary>What the MEMO envelope tests read.</summary>
internal static class MemoAssert
{
    /// <summary>Asserts the envelope <c>{"Code","Description","HTTPStatusCode"}</c> and nothing else.</summary>
    public static async Task EnvelopeAsync(HttpResponseMessage response, int status, string code, string description)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["Code", "Description", "HTTPStatusCode"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, body.GetProperty("Code").GetString());
        Assert.Equal(description, body.GetProperty("Description").GetString());
        Assert.Equal(status, body.GetProperty("HTTPStatusCode").GetInt32());
    }

    /// <summary>Asserts the DID era's 401 <c>{"error":"…"}</c>.</summary>
    public static async Task DidErrorAsync(HttpResponseMessage response, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 401, $"expected 401, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    /// <summary>The JSON body of a 200.</summary>
    public static Task<JsonElement> OkAsync(HttpResponseMessage response) => GatewayApplication.ReadJsonAsync(response);
}
