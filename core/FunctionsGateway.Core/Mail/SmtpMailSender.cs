using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Mail;

/// <summary>
/// A small SMTP client (RFC 5321; STARTTLS RFC 3207; AUTH PLAIN RFC 4616 or LOGIN), one connection per message:
/// greeting, EHLO, STARTTLS when <see cref="SmtpMailOptions.Security"/> asks for it, AUTH when a login is set,
/// MAIL FROM, RCPT TO, DATA, QUIT. Credentials never cross an unencrypted connection except to a loopback
/// server. Every failure is a <see cref="MailDeliveryException"/> with the server's reply code.
/// </summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly MailOptions _options;
    private readonly TimeProvider _time;
    private readonly RemoteCertificateValidationCallback? _validateCertificate;

    public SmtpMailSender(IOptions<MailOptions> options, TimeProvider time)
        : this(options, time, validateCertificate: null)
    {
    }

    /// <param name="validateCertificate">Replaces the platform's certificate check (tests trusting their own server's certificate).</param>
    internal SmtpMailSender(IOptions<MailOptions> options, TimeProvider time, RemoteCertificateValidationCallback? validateCertificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _validateCertificate = validateCertificate;
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var smtp = _options.Smtp;
        var message = SmtpMessageFormat.Format(
            mail,
            _options.From,
            _options.FromName,
            _time.GetUtcNow(),
            Guid.NewGuid().ToString("N") + "@" + _options.From[(_options.From.IndexOf('@', StringComparison.Ordinal) + 1)..],
            "=_fg_" + Guid.NewGuid().ToString("N"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        try
        {
            await using var session = await SmtpSession.ConnectAsync(smtp.Host, smtp.Port, ImplicitTls(smtp), _validateCertificate, timeout.Token);
            await session.ExpectAsync(220, timeout.Token);
            var capabilities = await session.HelloAsync(timeout.Token);
            if (!session.IsEncrypted && smtp.Security != SmtpSecurity.None)
            {
                if (capabilities.Contains("STARTTLS"))
                {
                    await session.CommandAsync("STARTTLS", 220, timeout.Token);
                    await session.StartTlsAsync(smtp.Host, timeout.Token);
                    capabilities = await session.HelloAsync(timeout.Token);
                }
                else if (smtp.Security == SmtpSecurity.StartTls)
                {
                    throw new MailDeliveryException($"The SMTP server {smtp.Host} does not offer STARTTLS, which Gateway:Mail:Smtp:Security requires.");
                }
            }

            if (smtp.UserName.Length > 0)
            {
                await AuthenticateAsync(session, capabilities, smtp, timeout.Token);
            }

            await session.CommandAsync($"MAIL FROM:<{_options.From}>", 250, timeout.Token);
            await session.CommandAsync($"RCPT TO:<{mail.To}>", 250, timeout.Token, alsoAccept: 251);
            await session.CommandAsync("DATA", 354, timeout.Token);
            await session.CommandAsync(SmtpMessageFormat.DotStuff(message) + ".", 250, timeout.Token);
            await session.QuitAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException($"The SMTP exchange with {smtp.Host}:{smtp.Port} took longer than {smtp.Timeout}.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            throw new MailDeliveryException($"The SMTP server {smtp.Host}:{smtp.Port} could not be reached or dropped the connection: {e.Message}", e);
        }
    }

    private static bool ImplicitTls(SmtpMailOptions smtp) => smtp.Security == SmtpSecurity.Tls || (smtp.Security == SmtpSecurity.Auto && smtp.Port == 465);

    private static async Task AuthenticateAsync(SmtpSession session, HashSet<string> capabilities, SmtpMailOptions smtp, CancellationToken cancellationToken)
    {
        if (!session.IsEncrypted && !session.IsLoopback)
        {
            throw new MailDeliveryException($"Refusing to send SMTP credentials to {smtp.Host} over an unencrypted connection.");
        }

        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
        if (capabilities.Contains("AUTH PLAIN") || !capabilities.Contains("AUTH LOGIN"))
        {
            await session.CommandAsync("AUTH PLAIN " + B64("\0" + smtp.UserName + "\0" + smtp.Password), 235, cancellationToken, secret: true);
            return;
        }

        await session.CommandAsync("AUTH LOGIN", 334, cancellationToken);
        await session.CommandAsync(B64(smtp.UserName), 334, cancellationToken, secret: true);
        await session.CommandAsync(B64(smtp.Password), 235, cancellationToken, secret: true);
    }

    /// <summary>One SMTP connection: commands out, multi-line replies in.</summary>
    private sealed class SmtpSession : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly RemoteCertificateValidationCallback? _validate;
        private Stream _stream;
        private readonly byte[] _buffer = new byte[4096];
        private int _start;
        private int _end;

        private SmtpSession(TcpClient tcp, Stream stream, bool loopback, RemoteCertificateValidationCallback? validate)
        {
            _tcp = tcp;
            _stream = stream;
            IsLoopback = loopback;
            _validate = validate;
        }

        public bool IsEncrypted => _stream is SslStream;

        public bool IsLoopback { get; }

        public static async Task<SmtpSession> ConnectAsync(string host, int port, bool implicitTls, RemoteCertificateValidationCallback? validate, CancellationToken cancellationToken)
        {
            var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(host, port, cancellationToken);
                var loopback = tcp.Client.RemoteEndPoint is IPEndPoint remote && IPAddress.IsLoopback(remote.Address);
                var session = new SmtpSession(tcp, tcp.GetStream(), loopback, validate);
                if (implicitTls)
                {
                    await session.StartTlsAsync(host, cancellationToken);
                }

                return session;
            }
            catch
            {
                tcp.Dispose();
                throw;
            }
        }

        public async Task StartTlsAsync(string host, CancellationToken cancellationToken)
        {
            var ssl = new SslStream(_stream, leaveInnerStreamOpen: false, _validate);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, cancellationToken);
            _stream = ssl;
            _start = _end = 0;
        }

        /// <summary>EHLO; returns the upper-cased extension lines (e.g. <c>STARTTLS</c>, <c>AUTH PLAIN</c>, one per mechanism).</summary>
        public async Task<HashSet<string>> HelloAsync(CancellationToken cancellationToken)
        {
            var lines = await CommandAsync("EHLO " + Dns.GetHostName(), 250, cancellationToken);
            var capabilities = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines.Skip(1))
            {
                var words = line.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                capabilities.Add(words[0]);
                foreach (var argument in words.Skip(1))
                {
                    capabilities.Add(words[0] + " " + argument);
                }
            }

            return capabilities;
        }

        public async Task<IReadOnlyList<string>> CommandAsync(string command, int expected, CancellationToken cancellationToken, int alsoAccept = 0, bool secret = false)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken);
            await _stream.FlushAsync(cancellationToken);
            return await ExpectAsync(expected, cancellationToken, alsoAccept, secret ? "AUTH" : command.Split(' ')[0]);
        }

        public async Task<IReadOnlyList<string>> ExpectAsync(int expected, CancellationToken cancellationToken, int alsoAccept = 0, string step = "greeting")
        {
            var lines = new List<string>();
            int code;
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken);
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out code))
                {
                    throw new MailDeliveryException($"The SMTP server answered '{line}' to {step}, which is not a reply.");
                }

                lines.Add(line.Length > 4 ? line[4..] : "");
                if (line.Length == 3 || line[3] != '-')
                {
                    break;
                }
            }

            return code == expected || (alsoAccept != 0 && code == alsoAccept)
                ? lines
                : throw new MailDeliveryException(code, $"The SMTP server refused {step}: {code} {string.Join(" ", lines)}");
        }

        public async Task QuitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await CommandAsync("QUIT", 221, cancellationToken);
            }
            catch (Exception e) when (e is MailDeliveryException or IOException)
            {
                // The message was accepted at DATA; a server hanging up on QUIT does not undo that.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            _tcp.Dispose();
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await _stream.ReadAsync(_buffer, cancellationToken);
                    if (_end == 0)
                    {
                        throw new IOException("The SMTP server closed the connection.");
                    }
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
                }

                if (line.Count > 4096)
                {
                    throw new MailDeliveryException("The SMTP server sent a reply line longer than 4 KiB.");
                }

                line.Add(b);
            }
        }
    }
}
