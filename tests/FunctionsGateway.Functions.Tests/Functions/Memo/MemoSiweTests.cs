using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>SIWE sign-in, tokens and refresh (compat §2.2, §2.3) through <c>/memo/challenge</c>, <c>/memo/login</c>, <c>/memo/refresh</c>.</summary>
[Collection(MemoCollection.Name)]
public sealed partial class MemoSiweTests(MemoGatewayFixture memo)
{
    private const string Auth = "Authentication";
    private const string AuthBase = "Authentication Failed";

    [Fact]
    public async Task Challenge_Origin_Siwe2023MessageWithTwoEmptyLines()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();

        var message = await wallet.ChallengeAsync(client, "https://memo.io");

        var match = ChallengePattern().Match(message);
        Assert.True(match.Success, message);
        Assert.Equal(wallet.Address.ToString(), match.Groups["address"].Value);
        Assert.Equal("memo.io wants you to sign in with your Ethereum account:\n" + wallet.Address + "\n\n\nURI: https://memo.io\nVersion: 1\nChain ID: 985\nNonce: ", message[..(message.IndexOf("Nonce: ", StringComparison.Ordinal) + 7)]);
        Assert.False(message.EndsWith('\n'));
    }

    [Fact]
    public async Task Challenge_LowerCaseAddressAndPort_ChecksummedAddressAndDomainWithPort()
    {
        await using var app = new GatewayApplication(memo.Azurite, new Dictionary<string, string?>(MemoGatewayFixture.BaseSettings) { ["Gateway:Memo:AllowedDomains:0"] = "*" });
        using var client = app.CreateClient();
        var wallet = new MemoWallet();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/memo/challenge?address={wallet.Address.ToLowerHex()}");
        request.Headers.Add("Origin", "http://localhost:3000");

        var message = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.StartsWith($"localhost:3000 wants you to sign in with your Ethereum account:\n{wallet.Address}\n", message, StringComparison.Ordinal);
        Assert.Contains("\nURI: http://localhost:3000\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_NoOrigin_400DomainMustNotBeEmpty()
    {
        using var client = memo.Chain.CreateClient();
        using var response = await client.GetAsync($"/memo/challenge?address={new MemoWallet().Address}");
        await MemoAssert.EnvelopeAsync(response, 400, "InvalidRequest", "Invalid request (`domain` must not be empty)");
    }

    [Fact]
    public async Task Challenge_OriginNotAllowed_401WrongDomain()
    {
        using var client = memo.Chain.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/memo/challenge?address={new MemoWallet().Address}");
        request.Headers.Add("Origin", "https://evil.example");
        await MemoAssert.EnvelopeAsync(await client.SendAsync(request), 401, Auth, AuthBase + " (Got wrong domain)");
    }

    [Fact]
    public async Task Challenge_ChainIdNotConfigured_401WrongChainId()
    {
        using var client = memo.Chain.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/memo/challenge?address={new MemoWallet().Address}&chainid=1");
        request.Headers.Add("Origin", MemoGatewayFixture.Origin);
        await MemoAssert.EnvelopeAsync(await client.SendAsync(request), 401, Auth, AuthBase + " (Got wrong chain id)");
    }

    [Theory]
    [InlineData("", "address is null")]
    [InlineData("?address=0x12", "invalid address 0x12")]
    public async Task Challenge_BadAddress_517(string query, string detail)
    {
        using var client = memo.Chain.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/memo/challenge" + query);
        request.Headers.Add("Origin", MemoGatewayFixture.Origin);
        await MemoAssert.EnvelopeAsync(await client.SendAsync(request), 517, "Address", "Address Error (" + detail + ")");
    }

    [Fact]
    public async Task Login_EthersWalletSignsChallenge_TokensWithTheOriginalsClaims()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);
        var signature = (await EthersReference.RunAsync("signMessage", [new JsonObject { ["privateKey"] = "0x" + Convert.ToHexStringLower(wallet.Key), ["message"] = message }]))[0].Text;

        using var response = await MemoWallet.PostLoginAsync(client, message, signature);
        var body = await MemoAssert.OkAsync(response);

        Assert.Equal(["accessToken", "refreshToken"], body.EnumerateObject().Select(p => p.Name));
        var access = Claims(body.GetProperty("accessToken").GetString()!);
        var refresh = Claims(body.GetProperty("refreshToken").GetString()!);
        Assert.Equal(["type", "aud", "exp", "iat", "iss", "sub"], access.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, access.GetProperty("type").GetInt32());
        Assert.Equal(2, refresh.GetProperty("type").GetInt32());
        Assert.Equal("memo.io", access.GetProperty("aud").GetString());
        Assert.Equal("memo.io", access.GetProperty("iss").GetString());
        Assert.Equal(wallet.Address.ToString(), access.GetProperty("sub").GetString());
        Assert.Equal(15 * 60, access.GetProperty("exp").GetInt64() - access.GetProperty("iat").GetInt64());
        Assert.Equal(7 * 24 * 3600, refresh.GetProperty("exp").GetInt64() - refresh.GetProperty("iat").GetInt64());
        Assert.StartsWith(Hs256Jwt.EncodedHeader + ".", body.GetProperty("accessToken").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignatureVForm.Legacy)]
    [InlineData(SignatureVForm.RecoveryId)]
    public async Task Login_VAs27Or28AndAs0Or1_BothAccepted(SignatureVForm form)
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);

        using var response = await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message, form));

        await MemoAssert.OkAsync(response);
    }

    [Fact]
    public async Task Login_LeadingNewlineAndTrailingNewlineSpace_TrimmedForParsingButSignedAsSent()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = "\n" + await wallet.ChallengeAsync(client) + "\n ";

        await MemoAssert.OkAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)));
    }

    [Fact]
    public async Task Login_ReplayedNonce_401WrongNonce()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);
        await MemoAssert.OkAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)));

        using var replay = await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message));

        await MemoAssert.EnvelopeAsync(replay, 401, Auth, AuthBase + " (Got wrong nonce)");
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task Login_NonceUsedSecondsAfterTheChallenge_AcceptedWithin30Seconds(int seconds, bool accepted)
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new GatewayApplication(memo.Azurite, new Dictionary<string, string?>(MemoGatewayFixture.BaseSettings), s => s.AddSingleton<TimeProvider>(clock));
        using var client = app.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);
        clock.Advance(TimeSpan.FromSeconds(seconds));

        using var login = await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message));

        if (accepted)
        {
            await MemoAssert.OkAsync(login);
        }
        else
        {
            await MemoAssert.EnvelopeAsync(login, 401, Auth, AuthBase + " (Got wrong nonce)");
        }
    }

    [Fact]
    public async Task Login_NonceNeverIssued_401WrongNonce()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var challenge = await wallet.ChallengeAsync(client);
        var message = challenge[..challenge.IndexOf("Nonce: ", StringComparison.Ordinal)] + MessageTail("0123456789abcdef0123456789abcdef", DateTimeOffset.UtcNow);

        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)), 401, Auth, AuthBase + " (Got wrong nonce)");
    }

    [Fact]
    public async Task Login_SignatureByAnotherAddress_401WrongAddressSignature()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);

        using var response = await MemoWallet.PostLoginAsync(client, message, new MemoWallet().Sign(message));

        await MemoAssert.EnvelopeAsync(response, 401, Auth, AuthBase + " (Got wrong address/signature)");
    }

    [Fact]
    public async Task Login_ForgedSignatureFirst_NonceStillUsableByTheOwner()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);
        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, message, new MemoWallet().Sign(message)), 401, Auth, AuthBase + " (Got wrong address/signature)");

        await MemoAssert.OkAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"message\":\"x\"}")]
    [InlineData("{\"message\":\"\",\"signature\":\"0x00\"}")]
    [InlineData("{\"message\":7,\"signature\":\"0x00\"}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Login_MissingOrEmptyField_401EmptyParameter(string body)
    {
        using var client = memo.Chain.CreateClient();
        using var response = await client.PostAsync("/memo/login", new StringContent(body, Encoding.UTF8, "application/json"));
        await MemoAssert.EnvelopeAsync(response, 401, Auth, AuthBase + " (There is an empty parameter)");
    }

    [Fact]
    public async Task Login_NotASiweMessage_401CantParse()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, "hello", wallet.Sign("hello")), 401, Auth, AuthBase + " (Can't parse message)");
    }

    [Fact]
    public async Task Login_AddressNotEip55_401()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = (await wallet.ChallengeAsync(client)).Replace(wallet.Address.ToString(), wallet.Address.ToLowerHex(), StringComparison.Ordinal);
        if (message.Contains(wallet.Address.ToString(), StringComparison.Ordinal))
        {
            return; // An address without letters is its own EIP-55 form; nothing to test with it.
        }

        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)), 401, Auth, AuthBase + " (Address must be in EIP-55 format)");
    }

    [Theory]
    [InlineData("Chain ID: 985", "Chain ID: 1", "Got wrong chain id")]
    [InlineData("memo.io wants", "evil.example wants", "Got wrong domain")]
    [InlineData("URI: https://memo.io", "URI: https://evil.example", "Got wrong uri")]
    public async Task Login_MessageChangedFromTheChallenge_401(string from, string to, string detail)
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = (await wallet.ChallengeAsync(client)).Replace(from, to, StringComparison.Ordinal);

        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)), 401, Auth, AuthBase + " (" + detail + ")");
    }

    [Fact]
    public async Task Login_NonceIssuedForAnotherAddress_401WrongNonce()
    {
        using var client = memo.Chain.CreateClient();
        var victim = new MemoWallet();
        var attacker = new MemoWallet();
        var message = (await victim.ChallengeAsync(client)).Replace(victim.Address.ToString(), attacker.Address.ToString(), StringComparison.Ordinal);

        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, message, attacker.Sign(message)), 401, Auth, AuthBase + " (Got wrong nonce)");
    }

    [Theory]
    [InlineData("\nExpiration Time: 2020-01-01T00:00:00Z", "Message expired")]
    [InlineData("\nNot Before: 2999-01-01T00:00:00Z", "Message not yet valid")]
    public async Task Login_ExpiredOrNotYetValidMessage_401(string field, string detail)
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client) + field;

        await MemoAssert.EnvelopeAsync(await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message)), 401, Auth, AuthBase + " (" + detail + ")");
    }

    [Fact]
    public async Task Login_TwoInstancesRaceWithOneNonce_ExactlyOneLogsIn()
    {
        // A second handler on the same tables is a second Functions instance.
        await using var other = new GatewayApplication(memo.Azurite, memo.ChainSettings);
        using var first = memo.Chain.CreateClient();
        using var second = other.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(first);
        var signature = wallet.Sign(message);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => MemoWallet.PostLoginAsync(i % 2 == 0 ? first : second, message, signature)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(11, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Login_NoJwtKeyConfigured_523ConfigError()
    {
        await using var app = new GatewayApplication(memo.Azurite);
        using var client = app.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);

        using var response = await MemoWallet.PostLoginAsync(client, message, wallet.Sign(message));

        await MemoAssert.EnvelopeAsync(response, 523, "ConfigError", "Config Error (Gateway:Memo:JwtSigningKey is not set)");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Refresh_RefreshToken_NewAccessTokenForTheSameSubject(string method)
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var (_, refresh) = await wallet.LoginAsync(client);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/memo/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refresh);

        var body = await MemoAssert.OkAsync(await client.SendAsync(request));

        Assert.Equal(["accessToken"], body.EnumerateObject().Select(p => p.Name));
        var access = body.GetProperty("accessToken").GetString()!;
        Assert.Equal(1, Claims(access).GetProperty("type").GetInt32());
        Assert.Equal(wallet.Address.ToString(), Claims(access).GetProperty("sub").GetString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        await MemoAssert.OkAsync(await client.GetAsync("/memo/mefs/listobjects"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refresh_AccessTokenOrNothing_401IllegalRefreshToken(bool withAccessToken)
    {
        using var client = memo.Chain.CreateClient();
        if (withAccessToken)
        {
            var (access, _) = await new MemoWallet().LoginAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        }

        using var response = await client.GetAsync("/memo/refresh");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Illegal refresh token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccessToken_UsedAsRefreshOrTheOtherWay_401InvalidTokenType()
    {
        using var client = memo.Chain.CreateClient();
        var (_, refresh) = await new MemoWallet().LoginAsync(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refresh);

        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/listobjects"), 401, Auth, AuthBase + " (InValid token type)");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bearer ")]
    [InlineData("Basic abc")]
    [InlineData("Bearer")]
    public async Task AccessToken_NoBearerHeader_401TokenIsNull(string? header)
    {
        using var client = memo.Chain.CreateClient();
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header + "x.y.z");
        }

        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/listobjects"), 401, Auth, AuthBase + " (Token is Null, not found in `Authorization: Bearer ` header)");
    }

    [Theory]
    [InlineData("HS512")]
    [InlineData("none")]
    [InlineData("wrong-key")]
    [InlineData("other-audience")]
    [InlineData("expired")]
    [InlineData("not-issued-here")]
    public async Task AccessToken_Forged_401InvalidToken(string how)
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var (access, _) = await wallet.LoginAsync(client);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = Claims(access);
        var key = Convert.FromHexString(MemoGatewayFixture.JwtKey);
        string Claimed(string aud, long exp) =>
            $"{{\"type\":1,\"aud\":\"{aud}\",\"exp\":{exp},\"iat\":{now - 5},\"iss\":\"{aud}\",\"sub\":\"{claims.GetProperty("sub").GetString()}\"}}";
        var token = how switch
        {
            "HS512" => Forge("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", Claimed("memo.io", now + 600), (k, d) => System.Security.Cryptography.HMACSHA512.HashData(k, d), key),
            "none" => Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url(Claimed("memo.io", now + 600)) + ".",
            "wrong-key" => Hs256Jwt.Sign(Encoding.UTF8.GetBytes(Claimed("memo.io", now + 600)), new byte[32]),
            "other-audience" => Hs256Jwt.Sign(Encoding.UTF8.GetBytes(Claimed("evil.example", now + 600)), key),
            "expired" => Hs256Jwt.Sign(Encoding.UTF8.GetBytes(Claimed("memo.io", now - 1)), key),
            _ => Hs256Jwt.Sign(Encoding.UTF8.GetBytes(Claimed("memo.io", now + 600)), key),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/listobjects"), 401, Auth, AuthBase + " (Invalid token)");
    }

    [Fact]
    public async Task AccessToken_RevokedByOperator_401InvalidToken()
    {
        using var client = memo.Chain.CreateClient();
        var (access, _) = await new MemoWallet().LoginAsync(client);
        var credential = await memo.Chain.Services.GetRequiredService<CredentialStore>().FindAsync(CredentialKinds.MemoAccess, SecretHasher.Hash(access));
        using var ops = memo.Chain.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.NoContent, (await ops.DeleteAsync($"/ops/credentials/{credential!.Id}")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);

        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/listobjects"), 401, Auth, AuthBase + " (Invalid token)");
    }

    internal static JsonElement Claims(string token) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[1].Replace('-', '+').Replace('_', '/')))).RootElement.Clone();

    private static string MessageTail(string nonce, DateTimeOffset issuedAt) =>
        $"Nonce: {nonce}{new string('0', 64 - nonce.Length)}\nIssued At: {SiweMessage.FormatTimestamp(issuedAt)}";

    private static string Pad(string base64) => base64 + new string('=', (4 - (base64.Length % 4)) % 4);

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Forge(string header, string claims, Func<byte[], byte[], byte[]> mac, byte[] key)
    {
        var input = Base64Url(header) + "." + Base64Url(claims);
        return input + "." + Base64Url(mac(key, Encoding.ASCII.GetBytes(input)));
    }

    [GeneratedRegex("^memo\\.io wants you to sign in with your Ethereum account:\\n(?<address>0x[0-9a-fA-F]{40})\\n\\n\\nURI: https://memo\\.io\\nVersion: 1\\nChain ID: 985\\nNonce: [0-9a-f]{64}\\nIssued At: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")]
    private static partial Regex ChallengePattern();
}
