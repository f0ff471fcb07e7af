using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>
/// <c>POST /memo/lens/login</c> (compat §2.3): Lens's own challenge text, chain 137 and the service's domain, no
/// nonce from <c>/challenge</c>. The registration check runs against <see cref="LensGraphQlStandIn"/>, a stand-in for
/// the Lens GraphQL API (Lens itself cannot run here); the tests that reach it say so in their names.
/// </summary>
[Collection(MemoCollection.Name)]
public sealed class MemoLensTests(MemoGatewayFixture memo)
{
    [Fact]
    public async Task LensLogin_CheckOff_TokensNotRegisteredAndLensNotAsked()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var asked = memo.Lens.Requests.Count;
        var message = LensMessage(wallet);

        var body = await MemoAssert.OkAsync(await PostAsync(client, message, wallet.Sign(message)));

        Assert.Equal(["accessToken", "refreshToken", "isRegistered"], body.EnumerateObject().Select(p => p.Name));
        Assert.False(body.GetProperty("isRegistered").GetBoolean());
        var claims = MemoSiweTests.Claims(body.GetProperty("accessToken").GetString()!);
        Assert.Equal(wallet.Address.ToString(), claims.GetProperty("sub").GetString());
        Assert.Equal(1, claims.GetProperty("type").GetInt32());
        Assert.Equal(asked, memo.Lens.Requests.Count);
    }

    [Fact]
    public async Task LensLogin_CheckOnAddressRegisteredInLensStandIn_IsRegisteredInBodyAndTokens()
    {
        await using var app = CheckingGateway();
        using var client = app.CreateClient();
        var wallet = new MemoWallet();
        memo.Lens.Register(wallet.Address.ToString());
        var message = LensMessage(wallet);

        var body = await MemoAssert.OkAsync(await PostAsync(client, message, wallet.Sign(message)));

        Assert.True(body.GetProperty("isRegistered").GetBoolean());
        Assert.True(MemoSiweTests.Claims(body.GetProperty("accessToken").GetString()!).GetProperty("isRegistered").GetBoolean());
        Assert.True(MemoSiweTests.Claims(body.GetProperty("refreshToken").GetString()!).GetProperty("isRegistered").GetBoolean());
        Assert.Contains(memo.Lens.Requests, r => r.Contains("defaultProfile", StringComparison.Ordinal) && r.Contains(wallet.Address.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task LensLogin_CheckOnAddressUnknownToLensStandIn_517NotRegistered()
    {
        await using var app = CheckingGateway();
        using var client = app.CreateClient();
        var wallet = new MemoWallet();
        var message = LensMessage(wallet);

        await MemoAssert.EnvelopeAsync(
            await PostAsync(client, message, wallet.Sign(message)), 517, "Address", $"Address Error (The address {wallet.Address} is not registered on lens)");
    }

    [Fact]
    public async Task LensLogin_CheckOnLensStandInFailing_500InternalError()
    {
        await using var app = CheckingGateway();
        using var client = app.CreateClient();
        var wallet = new MemoWallet();
        var message = LensMessage(wallet);
        memo.Lens.FailWith = HttpStatusCode.BadGateway;
        try
        {
            await MemoAssert.EnvelopeAsync(
                await PostAsync(client, message, wallet.Sign(message)), 500, "InternalError", "We encountered an internal error, please try again. (lens api: HTTP 502)");
        }
        finally
        {
            memo.Lens.FailWith = null;
        }
    }

    [Theory]
    [InlineData("evil.example", 137, "Got wrong domain")]
    [InlineData("memo.io", 985, "Got wrong chain id")]
    public async Task LensLogin_WrongDomainOrChain_401(string domain, long chainId, string detail)
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = LensMessage(wallet, domain, chainId);

        await MemoAssert.EnvelopeAsync(await PostAsync(client, message, wallet.Sign(message)), 401, "Authentication", $"Authentication Failed ({detail})");
    }

    [Fact]
    public async Task LensLogin_SignedByAnotherAddress_401WrongAddressSignature()
    {
        using var client = memo.Chain.CreateClient();
        var message = LensMessage(new MemoWallet());

        await MemoAssert.EnvelopeAsync(
            await PostAsync(client, message, new MemoWallet().Sign(message)), 401, "Authentication", "Authentication Failed (Got wrong address/signature)");
    }

    [Fact]
    public async Task LensLogin_SameMessageTwice_SecondRefused401WrongNonce()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = LensMessage(wallet);
        var signature = wallet.Sign(message);

        using var first = await PostAsync(client, message, signature);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await MemoAssert.EnvelopeAsync(await PostAsync(client, message, signature), 401, "Authentication", "Authentication Failed (Got wrong nonce)");
    }

    [Fact]
    public async Task LensLogin_IssuedLongAgo_401MessageExpired()
    {
        using var client = memo.Chain.CreateClient();
        var wallet = new MemoWallet();
        var message = LensMessage(wallet, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        await MemoAssert.EnvelopeAsync(await PostAsync(client, message, wallet.Sign(message)), 401, "Authentication", "Authentication Failed (Message expired)");
    }

    [Fact]
    public async Task LensLogin_EmptySignature_401EmptyParameter()
    {
        using var client = memo.Chain.CreateClient();

        await MemoAssert.EnvelopeAsync(await PostAsync(client, LensMessage(new MemoWallet()), ""), 401, "Authentication", "Authentication Failed (There is an empty parameter)");
    }

    /// <summary>Lens's challenge text as seed 001 shows it: a leading newline, a statement, <c>URI: memo.io</c>, a trailing newline and space.</summary>
    private static string LensMessage(MemoWallet wallet, string domain = "memo.io", long chainId = 137, DateTimeOffset? issuedAt = null) =>
        $"\n{domain} wants you to sign in with your Ethereum account:\n{wallet.Address}\n\nSign in with ethereum to lens\n\nURI: {domain}\nVersion: 1\n" +
        $"Chain ID: {chainId}\nNonce: {Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}\n" +
        $"Issued At: {(issuedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\n ";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string message, string signature) =>
        client.PostAsJsonAsync("/memo/lens/login", new { message, signature });

    private GatewayApplication CheckingGateway() =>
        new(memo.Azurite, new Dictionary<string, string?>(memo.ChainSettings) { ["Gateway:Memo:Lens:CheckRegistered"] = "true" });
}
