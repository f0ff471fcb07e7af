using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FunctionsGateway.Ctl.Commands.Decoo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests.Commands.Decoo;

/// <summary><see cref="IssueDecooKeyCommand"/> and <see cref="SetRsaKeyCommand"/> against the real handler.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DecooCommandsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IssueDecooKey_TheApiKeyGetsAnAccessToken()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "decoo")).Json().GetProperty("id").GetString()!;

        var key = (await CtlRun.RunAsync(handler.Url, "--json", "decoo-keys", "issue", id)).Json();

        using var http = handler.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.GetProperty("apiKey").GetString());
        using var answer = await http.GetAsync("/decoo/oauth/accessToken");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEmpty(key.GetProperty("id").GetString()!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SetRsaKey_SpkiOrPkcs1PemFile_Set(bool pkcs1)
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "rsa")).Json().GetProperty("id").GetString()!;
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(Path.GetTempPath(), $"gatewayctl-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, pkcs1 ? rsa.ExportRSAPublicKeyPem() : rsa.ExportSubjectPublicKeyInfoPem());
        try
        {
            var run = await CtlRun.RunAsync(handler.Url, "rsa-keys", "set", id, path);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal($"RSA key set for {id}", run.Output.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SetRsaKey_PrivateKeyPem_Exit1AndTheGatewayRefuses()
    {
        await using var handler = await HandlerProcess.StartAsync(azurite);
        var id = (await CtlRun.RunAsync(handler.Url, "--json", "identities", "create", "rsa")).Json().GetProperty("id").GetString()!;
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(Path.GetTempPath(), $"gatewayctl-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, rsa.ExportRSAPrivateKeyPem());
        try
        {
            var run = await CtlRun.RunAsync(handler.Url, "rsa-keys", "set", id, path);

            Assert.Equal(ExitCodes.Refused, run.ExitCode);
            Assert.Contains("invalid_rsa_key", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SetRsaKey_NoSuchFile_Exit1WithoutACall()
    {
        var run = await CtlRun.RunAsync(new Dictionary<string, string?> { [CtlOptions.OperatorKeyVariable] = "k", [CtlOptions.UrlVariable] = $"http://127.0.0.1:{FreePorts.Next()}" }, false, "rsa-keys", "set", "someone", "/no/such/file.pem");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("no file '/no/such/file.pem'", run.Error, StringComparison.Ordinal);
    }
}
