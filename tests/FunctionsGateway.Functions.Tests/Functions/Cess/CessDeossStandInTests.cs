using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Functions.Tests.Functions.Ops;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Cess;

/// <summary>
/// The <c>/cess</c> surface with CESS settings: the gateway account's territory on CESS's real runtime under
/// chopsticks, and the files pushed to a DeOSS stand-in (<see cref="DeossStandIn"/>; DeOSS cannot be built here)
/// that checks every header and the sr25519 signature.
/// </summary>
[Collection(CessChainCollection.Name)]
public sealed class CessDeossStandInTests(AzuriteFixture azurite, ChopsticksFixture chain)
{
    [Fact]
    public async Task PutGetDelete_TerritoryAndDeossStandIn_PushesToDeossAndServesFromIt()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        var (app, signer) = await GatewayWithTerritoryAsync(deoss, gib: 10);
        await using var _ = app;
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "alice@example.com");
        var content = RandomNumberGenerator.GetBytes(200_000);

        var fid = (await CessClient.ReadAsync(await CessClient.PutAsync(http, token, "photo.jpg", content))).GetProperty("data").GetString()!;
        await CessFunctionsTests.WaitForStateAsync(http, fid, "active");

        Assert.Equal(DeossStandIn.Fid(content), fid);
        Assert.Empty(deoss.Problems);
        Assert.Equal((Ss58Address.Encode(signer.AccountId, Ss58Address.CessPrefix), "gw", "photo.jpg"), Assert.Single(deoss.Uploads));
        Assert.Equal(content, deoss.Files[fid]);
        Assert.Equal(content, await http.GetByteArrayAsync($"/cess/{fid}"));

        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Delete, $"/cess/{fid}", token)), 200, """{"code":200,"msg":"success"}""");
        Assert.Empty(deoss.Files);
        Assert.Empty(deoss.Problems);
    }

    [Fact]
    public async Task Put_DeossRefusesOnce_KeepsTheFileStagedAndRetries()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        deoss.RefuseUploads = 1;
        var (app, _) = await GatewayWithTerritoryAsync(deoss, gib: 10);
        await using var _ = app;
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "bob@example.com");

        var fid = (await CessClient.ReadAsync(await CessClient.PutAsync(http, token, "retry.txt", "retry me"u8.ToArray()))).GetProperty("data").GetString()!;
        Assert.Equal("pending", (await CessClient.ReadAsync(await http.GetAsync($"/cess/state/{fid}"))).GetProperty("data").GetProperty("State").GetString());
        Assert.Equal("retry me"u8.ToArray(), await http.GetByteArrayAsync($"/cess/{fid}")); // served from staging meanwhile

        await CessFunctionsTests.WaitForStateAsync(http, fid, "active");
        Assert.Equal("retry me"u8.ToArray(), deoss.Files[fid]);
    }

    [Fact]
    public async Task Put_DeossComputesAnotherFid_MarksTheFileFailed()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        deoss.ForcedFid = new string('e', 64);
        var (app, _) = await GatewayWithTerritoryAsync(deoss, gib: 10);
        await using var _ = app;
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "carol@example.com");

        var fid = (await CessClient.ReadAsync(await CessClient.PutAsync(http, token, "odd.txt", "odd"u8.ToArray()))).GetProperty("data").GetString()!;

        await CessFunctionsTests.WaitForStateAsync(http, fid, "failed");
    }

    [Fact]
    public async Task Put_NoTerritory_AnswersTheOriginalsChainError()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        await using var app = new GatewayApplication(azurite, Settings(deoss, RandomNumberGenerator.GetBytes(32)));
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "dave@example.com");

        await CessClient.ExpectAsync(await CessClient.PutAsync(http, token, "a.txt", "a"u8.ToArray()), 500, """{"code":500,"msg":"Server internal chain data error"}""");
        // The name was not kept.
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", token)), 200, """{"code":200,"msg":"Empty"}""");
    }

    [Fact]
    public async Task Put_TerritoryTooSmall_AnswersTheOriginalsSpaceError()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        Uri? server = null;
        var (app, _) = await GatewayWithTerritoryAsync(deoss, gib: 1, a => server = a.StartKestrel());
        await using var _ = app;
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "erin@example.com");

        // 400 MiB declared (DeOSS would reserve 13 × 96 MiB); the answer comes before the body is read.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server!.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"PUT /cess/big.bin HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: {token}\r\n" +
                   "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 419430400\r\n\r\n" +
                   "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[10_000]);
        var buffer = new byte[4096];
        var answer = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!answer.ToString().EndsWith('}'))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, answer.ToString());
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("HTTP/1.1 403", answer.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("""{"code":403,"msg":"The gateway account space is insufficient, please contact the administrator."}""", answer.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A gateway whose fresh, funded account bought a territory <c>gw</c> of <paramref name="gib"/> GiB through <c>/ops/cess/space</c>.</summary>
    private async Task<(GatewayApplication App, Sr25519Signer Signer)> GatewayWithTerritoryAsync(DeossStandIn deoss, uint gib, Action<GatewayApplication>? start = null)
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var signer = Sr25519Signer.FromMiniSecret(seed);
        await chain.FundAsync(signer.AccountId, CessSpaceTests.Plenty);
        await chain.PrepareTerritoryMintAsync();
        var app = new GatewayApplication(azurite, Settings(deoss, seed));
        start?.Invoke(app);
        using var ops = app.CreateOperatorClient();
        using var bought = await chain.IncludeAsync(() => ops.PostAsJsonAsync("/ops/cess/space", new { action = "buy", gib }));
        Assert.True(bought.StatusCode == HttpStatusCode.OK, await bought.Content.ReadAsStringAsync());
        return (app, signer);
    }

    private Dictionary<string, string?> Settings(DeossStandIn deoss, byte[] seed) =>
        CessSpaceTests.Settings(chain, seed, "gw", new Dictionary<string, string?>
        {
            ["Gateway:Cess:Deoss:Endpoint"] = deoss.BaseAddress.ToString(),
            ["Gateway:Uploads:PushBaseDelay"] = "00:00:00.200",
        });
}
