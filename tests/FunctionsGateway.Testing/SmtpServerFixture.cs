using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Channels;
using FunctionsGateway.Core.Tooling;
using Xunit;

namespace FunctionsGateway.Testing;

/// <summary>
/// A real SMTP server, npm <c>smtp-server</c> with <c>mailparser</c> (pinned in <c>tests/peers/smtp</c>), on a free
/// loopback port: it offers STARTTLS with a self-signed certificate the fixture makes (<see cref="Certificate"/>),
/// requires AUTH (<see cref="UserName"/> / <see cref="Password"/>, PLAIN or LOGIN, also over plain text) and
/// reports every accepted message, parsed, through <see cref="NextMessageAsync"/>.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    public const string UserName = "gateway@example.org";
    public const string Password = "smtp-test-password";

    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private Process? _process;
    private string? _directory;

    public int Port { get; private set; }

    /// <summary>The server's certificate (self-signed for <c>localhost</c>), for a client that trusts exactly it.</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(RepositoryPaths.SmtpPeer, Path.Combine("node_modules", "smtp-server", "package.json"));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "smtp-server could not be installed: the tests need Node.js >= 20 and npm on PATH and the npm registry " +
                $"reachable for the first 'npm ci' in {RepositoryPaths.SmtpPeer}. {e.Message}", e);
        }

        _directory = Path.Combine(Path.GetTempPath(), "fg-smtp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var keyFile = Path.Combine(_directory, "key.pem");
        var certFile = Path.Combine(_directory, "cert.pem");
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(certFile, Certificate.ExportCertificatePem());

        Port = FreePorts.Next();
        _process = NodeServerProcess.Start(
            RepositoryPaths.SmtpPeer,
            ["server.js", Port.ToString(CultureInfo.InvariantCulture), "--key", keyFile, "--cert", certFile, "--user", UserName, "--password", Password],
            OnLine);
        await NodeServerProcess.WaitUntilListeningAsync(_process, "smtp-server", [Port], TimeSpan.FromSeconds(30));
    }

    /// <summary>The next message the server accepted (waits at most 10 s).</summary>
    public async Task<JsonElement> NextMessageAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _messages.Reader.ReadAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await NodeServerProcess.StopAsync(_process);
        Certificate?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void OnLine(string line)
    {
        // One JSON line per accepted message; anything else (the "listening" line, errors) is not a message.
        if (line.StartsWith('{'))
        {
            _messages.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
        }
    }
}
