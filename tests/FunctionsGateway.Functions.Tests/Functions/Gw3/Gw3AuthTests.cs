using System.Globalization;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Gw3;

/// <summary>
/// The access-key scheme on a route that would store something (<c>pin/add</c> of content held here): every broken
/// credential is a 401 in Gateway3's envelope, and the caller ends up with no pin.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class Gw3AuthTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    private const string Path = "/gw3/api/v0/pin/add";

    public enum Breakage
    {
        NoAccessKey,
        MalformedAccessKey,
        UnknownAccessKey,
        NoSecretOrSignature,
        WrongSecret,
        SignatureNotBase64,
        SignatureTooShort,
        SignatureWithOtherSecret,
        SignatureOverOtherPath,
        SignatureOverOtherQuery,
        SignatureOverOtherMethod,
        MissingTs,
        NonIntegerTs,
        StaleTs,
        FutureTs,
    }

    [Theory]
    [InlineData(Breakage.NoAccessKey, "X-Access-Key is required")]
    [InlineData(Breakage.MalformedAccessKey, "X-Access-Key is malformed")]
    [InlineData(Breakage.UnknownAccessKey, "unknown access key")]
    [InlineData(Breakage.NoSecretOrSignature, "X-Access-Signature or X-Access-Secret is required")]
    [InlineData(Breakage.WrongSecret, "access secret mismatch")]
    [InlineData(Breakage.SignatureNotBase64, "X-Access-Signature is not the base64 of an HMAC-SHA256")]
    [InlineData(Breakage.SignatureTooShort, "X-Access-Signature is not the base64 of an HMAC-SHA256")]
    [InlineData(Breakage.SignatureWithOtherSecret, "signature mismatch")]
    [InlineData(Breakage.SignatureOverOtherPath, "signature mismatch")]
    [InlineData(Breakage.SignatureOverOtherQuery, "signature mismatch")]
    [InlineData(Breakage.SignatureOverOtherMethod, "signature mismatch")]
    [InlineData(Breakage.MissingTs, "ts is required")]
    [InlineData(Breakage.NonIntegerTs, "ts must be one integer of Unix seconds")]
    [InlineData(Breakage.StaleTs, "ts is too old")]
    [InlineData(Breakage.FutureTs, "ts is in the future")]
    public async Task PinAdd_BrokenCredential_401EnvelopeAndNoPin(Breakage breakage, string message)
    {
        var cid = await shared.OnceAsync("content", () => UploadAsAnotherIdentityAsync());
        var (_, _, key, secret) = await Gw3Client.IssueAsync(shared.App);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var ts = breakage switch
        {
            Breakage.StaleTs => (now - 400).ToString(CultureInfo.InvariantCulture),
            Breakage.FutureTs => (now + 400).ToString(CultureInfo.InvariantCulture),
            Breakage.NonIntegerTs => "1.5e9",
            _ => now.ToString(CultureInfo.InvariantCulture),
        };
        var query = breakage == Breakage.MissingTs ? $"arg={cid}" : $"arg={cid}&ts={ts}";
        var signedPath = breakage == Breakage.SignatureOverOtherPath ? "/gw3/api/v0/pin/rm" : Path;
        var signedQuery = breakage == Breakage.SignatureOverOtherQuery ? query + "&name=x" : query;
        var signedMethod = breakage == Breakage.SignatureOverOtherMethod ? "GET" : "POST";
        var signingSecret = breakage == Breakage.SignatureWithOtherSecret ? (await Gw3Client.IssueAsync(shared.App)).AccessSecret : secret;

        using var request = new HttpRequestMessage(HttpMethod.Post, Path + "?" + query);
        switch (breakage)
        {
            case Breakage.NoAccessKey:
                break;
            case Breakage.MalformedAccessKey:
                request.Headers.TryAddWithoutValidation("X-Access-Key", "not a key!");
                break;
            case Breakage.UnknownAccessKey:
                request.Headers.Add("X-Access-Key", "AAAAAAAAAAAAAAAAAAAAAAAA");
                break;
            default:
                request.Headers.Add("X-Access-Key", key);
                break;
        }

        switch (breakage)
        {
            case Breakage.NoSecretOrSignature:
                break;
            case Breakage.WrongSecret:
                request.Headers.Add("X-Access-Secret", secret[..^4] + "AAA=");
                break;
            case Breakage.SignatureNotBase64:
                request.Headers.Add("X-Access-Signature", "not*base64*at*all");
                break;
            case Breakage.SignatureTooShort:
                request.Headers.Add("X-Access-Signature", "c2hvcnQ=");
                break;
            default:
                request.Headers.Add("X-Access-Signature", Gw3Client.Signature(signingSecret, signedMethod, signedPath, signedQuery));
                break;
        }

        var answer = await Gw3Client.ReadErrorAsync(await shared.App.CreateClient().SendAsync(request), 401);

        Assert.Equal(message, answer);
        var own = new Gw3Client(shared.App.CreateClient(), key, secret, Gw3AuthStyle.Headers);
        var pins = await Gw3Client.ReadOkAsync(await own.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin"));
        Assert.Equal(0, pins.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(Gw3AuthStyle.Headers, -250)]
    [InlineData(Gw3AuthStyle.SignedSorted, 250)]
    [InlineData(Gw3AuthStyle.SignedAsSent, -250)]
    public async Task PinAdd_TsInsideWindow_Pinned(Gw3AuthStyle style, int skewSeconds)
    {
        var cid = await shared.OnceAsync("content", () => UploadAsAnotherIdentityAsync());
        var (_, _, key, secret) = await Gw3Client.IssueAsync(shared.App);
        var client = new Gw3Client(shared.App.CreateClient(), key, secret, style);

        await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Post, Path, [("arg", cid), ("name", "a name & more")], ts: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + skewSeconds));

        var pins = await Gw3Client.ReadOkAsync(await client.SendAsync(HttpMethod.Get, "/gw3/account/api/v0/pin"));
        Assert.Equal("a name & more", pins.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ops_IssueGw3Key_UnknownIdentity404_SecretIsUrlSafeBase64Of32Bytes()
    {
        using var ops = shared.App.CreateOperatorClient();
        using var unknown = await ops.PostAsync($"/ops/identities/{new string('0', 32)}/gw3-keys", null);
        var (_, _, key, secret) = await Gw3Client.IssueAsync(shared.App);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Matches("^[A-Za-z0-9_-]{24}$", key);
        Assert.Matches("^[A-Za-z0-9_-]{43}=$", secret);
    }

    private async Task<string> UploadAsAnotherIdentityAsync()
    {
        var (_, _, key, secret) = await Gw3Client.IssueAsync(shared.App, "uploader");
        return await new Gw3Client(shared.App.CreateClient(), key, secret, Gw3AuthStyle.SignedSorted).UploadAsync("content to pin"u8.ToArray());
    }
}
