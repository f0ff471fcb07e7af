using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Memo.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>DID login and signed sequential requests (compat §2.5) against the DID registry on ganache.</summary>
[Collection(MemoCollection.Name)]
public sealed class MemoDidTests(MemoGatewayFixture memo)
{
    [Fact]
    public async Task Login_RegisteredDid_LoginSuccessAndSessionAtRequestZero()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var response = await client.PostAsJsonAsync("/memo/login", user.LoginBody(timestamp));
        var session = await MemoAssert.OkAsync(await client.GetAsync($"/memo/login?did={user.Did}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Login success!", await response.Content.ReadAsStringAsync());
        Assert.Equal(["token", "timestamp", "requestID"], session.EnumerateObject().Select(p => p.Name));
        Assert.Equal(user.Token, session.GetProperty("token").GetString());
        Assert.Equal(timestamp, session.GetProperty("timestamp").GetInt64());
        Assert.Equal(0, session.GetProperty("requestID").GetInt64());
    }

    [Fact]
    public async Task SignedRequests_OneTwoThree_EachAcceptedOnceAndTheSessionCounts()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);

        for (var i = 1; i <= 3; i++)
        {
            var list = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")));
            Assert.Equal(user.Address.ToString(), list.GetProperty("Address").GetString());
            Assert.Equal(0, list.GetProperty("Objects").GetArrayLength());
        }

        var session = await MemoAssert.OkAsync(await client.GetAsync($"/memo/login?did={user.Did}"));
        Assert.Equal(3, session.GetProperty("requestID").GetInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task SignedRequest_NotPreviousPlusOne_401NotASequentialRequest(long requestId)
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);
        await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")));

        using var response = await client.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(requestId)));

        await MemoAssert.DidErrorAsync(response, "not a sequential request");
    }

    [Fact]
    public async Task SignedRequest_TwoInstancesRaceWithOneRequestId_ExactlyOneAccepted()
    {
        await using var other = new GatewayApplication(memo.Azurite, memo.ChainSettings);
        using var first = memo.Chain.CreateClient();
        using var second = other.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(first);
        var fields = user.Signed(1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).SendAsync(user.Get("/memo/mefs/listobjects", fields))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await MemoAssert.DidErrorAsync(refused, "not a sequential request");
        }

        await MemoAssert.OkAsync(await second.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(2))));
    }

    [Fact]
    public async Task SignedRequest_ForgedSignature_RefusedWithoutUsingTheRequestId()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);

        using var forged = await client.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(1, signer: MemoGatewayFixture.NewKey())));

        await MemoAssert.DidErrorAsync(forged, $"can't log in as {user.Did}");
        await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(1))));
    }

    [Fact]
    public async Task SignedRequest_VAs27Or28_401InvalidRecoveryId()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);

        using var response = await client.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(1, form: SignatureVForm.Legacy)));

        await MemoAssert.DidErrorAsync(response, "invalid signature recovery id");
    }

    [Fact]
    public async Task SignedRequest_OtherToken_401CantMatchTheToken()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);
        user.Token = "0x0102";

        await MemoAssert.DidErrorAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")), "can't match the token, please check your input or log in again");
    }

    [Fact]
    public async Task SignedRequest_NeverLoggedIn_401CannotFindSession()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);

        await MemoAssert.DidErrorAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")), "cannot find session, please log in first");
        await MemoAssert.DidErrorAsync(await client.GetAsync($"/memo/login?did={user.Did}"), "cannot find session, please log in first");
    }

    [Fact]
    public async Task SignedRequest_SessionRevokedByOperator_401CannotFindSession()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);
        var session = await memo.Chain.Services.GetRequiredService<MemoDidAuth>().GetSessionAsync(user.Did);
        await memo.Chain.Services.GetRequiredService<CredentialStore>().RevokeAsync(session!.CredentialId);

        await MemoAssert.DidErrorAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")), "cannot find session, please log in first");
    }

    [Fact]
    public async Task SignedRequest_FormFieldsOrQuery_Accepted()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);

        using var form = new HttpRequestMessage(HttpMethod.Get, "/memo/ipfs/listobjects") { Content = new FormUrlEncodedContent(user.FormFields()) };
        await MemoAssert.OkAsync(await client.SendAsync(form));
        var query = string.Join('&', user.FormFields().Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));
        var list = await MemoAssert.OkAsync(await client.GetAsync("/memo/ipfs/listobjects?" + query));

        Assert.Equal("ipfs", list.GetProperty("Storage").GetString());
    }

    [Fact]
    public async Task SignedRequest_WithPayload_PayloadIsSigned()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);
        var fields = user.Signed(1, payload: [1, 2, 3]);
        var tampered = JsonNode.Parse(fields.ToJsonString())!.AsObject();
        tampered["payload"] = "0x010204";

        await MemoAssert.DidErrorAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects", tampered)), $"can't log in as {user.Did}");
        await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects", fields)));
    }

    [Theory]
    [InlineData("{\"did\":\"x\"}")]
    [InlineData("{\"did\":\"did:memo:00\",\"token\":\"0x01\",\"timestamp\":\"1\",\"signature\":\"0x00\"}")]
    [InlineData("{\"token\":\"0x01\",\"timestamp\":1,\"signature\":\"0x00\"}")]
    public async Task Login_MissingOrWrongTypeField_401MissingParameters(string body)
    {
        using var client = memo.Chain.CreateClient();
        using var response = await client.PostAsync("/memo/login", new StringContent(body, Encoding.UTF8, "application/json"));
        await MemoAssert.DidErrorAsync(response, "Missing parameters, please refer to the API documentation for details");
    }

    [Fact]
    public async Task SignedRequest_DidEraRouteWithoutAnyField_401MissingParameters()
    {
        using var client = memo.Chain.CreateClient();
        await MemoAssert.DidErrorAsync(await client.GetAsync("/memo/mefs/space"), "Missing parameters, please refer to the API documentation for details");
    }

    [Fact]
    public async Task Login_SignedByAKeyNotInTheDocument_401CantLogInAs()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);

        using var response = await client.PostAsJsonAsync("/memo/login", user.LoginBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), MemoGatewayFixture.NewKey()));

        await MemoAssert.DidErrorAsync(response, $"can't log in as {user.Did}");
    }

    [Fact]
    public async Task Login_VAs27Or28_401InvalidRecoveryId()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);

        using var response = await client.PostAsJsonAsync("/memo/login", user.LoginBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), form: SignatureVForm.Legacy));

        await MemoAssert.DidErrorAsync(response, "invalid signature recovery id");
    }

    [Theory]
    [InlineData(-61, "the request has timed out, please log in within one minute")]
    [InlineData(-60, "the request has timed out, please log in within one minute")]
    [InlineData(120, "the request is from the future, please check your clock")]
    public async Task Login_TimestampOutsideTheWindow_401(long offset, string error)
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);

        using var response = await client.PostAsJsonAsync("/memo/login", user.LoginBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offset));

        await MemoAssert.DidErrorAsync(response, error);
    }

    [Fact]
    public async Task Login_NotLaterThanTheLastLogin_401AndTheSessionStays()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal("Login success!", await (await client.PostAsJsonAsync("/memo/login", user.LoginBody(now))).Content.ReadAsStringAsync());
        var firstToken = user.Token;
        user.Token = "0xabcdef";

        using var again = await client.PostAsJsonAsync("/memo/login", user.LoginBody(now));
        using var earlier = await client.PostAsJsonAsync("/memo/login", user.LoginBody(now - 5));

        await MemoAssert.DidErrorAsync(again, "the current request is later than the latest request");
        await MemoAssert.DidErrorAsync(earlier, "the current request is later than the latest request");
        var session = await MemoAssert.OkAsync(await client.GetAsync($"/memo/login?did={user.Did}"));
        Assert.Equal(firstToken, session.GetProperty("token").GetString());
    }

    [Fact]
    public async Task Login_AgainLater_NewTokenAndRequestIdBackToZero()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal("Login success!", await (await client.PostAsJsonAsync("/memo/login", user.LoginBody(now - 2))).Content.ReadAsStringAsync());
        await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(1))));
        user.Token = "0x" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes("memo.test"));

        Assert.Equal("Login success!", await (await client.PostAsJsonAsync("/memo/login", user.LoginBody(now))).Content.ReadAsStringAsync());

        await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects", user.Signed(1))));
    }

    [Fact]
    public async Task Login_UnknownDidOrMalformedDid_401()
    {
        using var client = memo.Chain.CreateClient();
        var stranger = new MemoDidUser("did:memo:" + new string('a', 64), MemoGatewayFixture.NewKey());
        var malformed = new MemoDidUser("did:memo:xyz", MemoGatewayFixture.NewKey());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await MemoAssert.DidErrorAsync(await client.PostAsJsonAsync("/memo/login", stranger.LoginBody(now)), $"can't log in as {stranger.Did}");
        await MemoAssert.DidErrorAsync(await client.PostAsJsonAsync("/memo/login", malformed.LoginBody(now)), "invalid did did:memo:xyz");
    }

    [Fact]
    public async Task Login_NoChainConfigured_523ConfigError()
    {
        using var client = memo.Plain.CreateClient();
        var user = new MemoDidUser("did:memo:" + new string('b', 64), MemoGatewayFixture.NewKey());

        using var response = await client.PostAsJsonAsync("/memo/login", user.LoginBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        await MemoAssert.EnvelopeAsync(response, 523, "ConfigError", "Config Error (Gateway:Ethereum:Endpoint is not set)");
    }
}
