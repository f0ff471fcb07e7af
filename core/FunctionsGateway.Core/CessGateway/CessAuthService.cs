using System.Security.Cryptography;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// <c>POST /auth</c> of CESS-Gateway: the captcha and token mail flow, exactly the state machine of compat.md §1.4,
/// with its state in Table storage (one row per mailbox: a captcha or a token) instead of LevelDB. Every change is
/// conditional on the row's ETag, so a captcha is used once across all instances; a request that loses a race runs
/// the machine again on the new state. Safer than the original: after <see cref="CessCaptchaOptions.MaxAttempts"/>
/// wrong tries a captcha is void until it expires (every try answers <c>captcha error</c>); tokens are recorded
/// hashed as credentials of kind <c>cess-token</c>, revocable through <c>/ops</c>.
/// </summary>
public sealed partial class CessAuthService(
    ITableStorage tables,
    StorageBootstrap bootstrap,
    StorageNames names,
    CessTokenKeyProvider keys,
    CredentialStore credentials,
    CessUsers users,
    IMailSender mail,
    IOptions<CessTokenOptions> tokenOptions,
    IOptions<CessCaptchaOptions> captchaOptions,
    TimeProvider time,
    ILogger<CessAuthService> logger)
{
    /// <summary>A captcha is valid for 5 minutes.</summary>
    public const long CaptchaLifetimeSeconds = 300;

    private const string Partition = "mailbox";
    private const int MaxRaces = 5;

    /// <summary>Runs the state machine for one request; storage failures throw <see cref="AzureStorageException"/>.</summary>
    public async Task<CessReply> AuthorizeAsync(string? mailbox, long captcha, CancellationToken cancellationToken = default)
    {
        if (!CessMailbox.IsValid(mailbox))
        {
            return CessReply.Of(400, CessMessages.EmailFormat);
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        for (var race = 0; race < MaxRaces; race++)
        {
            var row = await tables.GetAsync(names.CessAuthTable, Partition, TableKeys.Encode(mailbox!), cancellationToken);
            var reply = row switch
            {
                null => await StartAsync(mailbox!, cancellationToken),
                _ when row.GetString("Kind") == "captcha" => await CheckCaptchaAsync(mailbox!, row, captcha, cancellationToken),
                _ => await RefreshAsync(mailbox!, row, cancellationToken),
            };
            if (reply is not null)
            {
                return reply;
            }
        }

        throw new InvalidOperationException($"POST /auth for one mailbox lost {MaxRaces} races in a row.");
    }

    // Step 4: no state yet → a captcha by mail.
    private async Task<CessReply?> StartAsync(string mailbox, CancellationToken cancellationToken)
    {
        var code = NewCaptcha();
        string etag;
        try
        {
            etag = await tables.InsertAsync(names.CessAuthTable, CaptchaRow(mailbox, code), cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            return null;
        }

        if (!await TryMailAsync(CessMails.Captcha(mailbox, code), cancellationToken))
        {
            await tables.TryDeleteAsync(names.CessAuthTable, Partition, TableKeys.Encode(mailbox), etag, CancellationToken.None);
            return CessReply.Of(500, CessMessages.MailFailed);
        }

        return CessReply.Ok();
    }

    // Step 6: a captcha is pending.
    private async Task<CessReply?> CheckCaptchaAsync(string mailbox, TableEntity row, long captcha, CancellationToken cancellationToken)
    {
        var now = Now();
        var key = TableKeys.Encode(mailbox);
        if (row.GetInt64("Expiry") is not { } expiry || row.GetInt64("Captcha") is not { } stored)
        {
            await tables.TryDeleteAsync(names.CessAuthTable, Partition, key, row.ETag ?? "*", cancellationToken);
            return CessReply.Of(500, CessMessages.Unexpected);
        }

        if (now >= expiry)
        {
            var code = NewCaptcha();
            var etag = await tables.TryUpdateAsync(names.CessAuthTable, CaptchaRow(mailbox, code), row.ETag ?? "*", TableUpdateMode.Replace, cancellationToken);
            if (etag is null)
            {
                return null;
            }

            if (!await TryMailAsync(CessMails.Captcha(mailbox, code), cancellationToken))
            {
                await tables.TryDeleteAsync(names.CessAuthTable, Partition, key, etag, CancellationToken.None);
                return new CessReply(500, 400, CessMessages.MailFailed); // (≠) as the original
            }

            return new CessReply(200, 200, CessMessages.CaptchaExpired);
        }

        var attempts = row.GetInt64("Attempts") ?? 0;
        if (attempts >= captchaOptions.Value.MaxAttempts)
        {
            return new CessReply(400, 500, CessMessages.CaptchaError); // void until it expires
        }

        if (captcha != stored)
        {
            var counted = new TableEntity(Partition, key) { ["Attempts"] = attempts + 1 };
            return await tables.TryUpdateAsync(names.CessAuthTable, counted, row.ETag ?? "*", TableUpdateMode.Merge, cancellationToken) is null
                ? null
                : new CessReply(400, 500, CessMessages.CaptchaError); // (≠) as the original
        }

        var identity = await users.GetOrCreateAsync(mailbox, cancellationToken);
        var token = new CessToken(NewUserId(), now, now, now + CessToken.LifetimeSeconds, mailbox, NewRandomCode());
        return await IssueAsync(identity.Id, token, row.ETag ?? "*", previousCredentialId: null, CessMessages.MailFailed, cancellationToken);
    }

    // Step 7: a token was issued.
    private async Task<CessReply?> RefreshAsync(string mailbox, TableEntity row, CancellationToken cancellationToken)
    {
        var now = Now();
        var key = TableKeys.Encode(mailbox);
        if (row.GetInt64("UserId") is not { } userId || row.GetInt64("CreateUserTime") is not { } created
            || row.GetInt64("ExpirationTime") is not { } expiration || row.GetString("IdentityId") is not { } identityId)
        {
            await tables.TryDeleteAsync(names.CessAuthTable, Partition, key, row.ETag ?? "*", cancellationToken);
            return CessReply.Of(500, CessMessages.ReAuthenticate);
        }

        if (now > expiration)
        {
            return await tables.TryDeleteAsync(names.CessAuthTable, Partition, key, row.ETag ?? "*", cancellationToken)
                ? CessReply.Of(200, CessMessages.TokenExpiredRetrieve)
                : null;
        }

        if (expiration + CaptchaLifetimeSeconds > now + CessToken.LifetimeSeconds)
        {
            return CessReply.Of(200, CessMessages.NoRefresh);
        }

        var token = new CessToken(userId, created, now, now + CessToken.LifetimeSeconds, mailbox, NewRandomCode());
        return await IssueAsync(identityId, token, row.ETag ?? "*", row.GetString("CredentialId"), CessMessages.RefreshFailed, cancellationToken);
    }

    /// <summary>Encrypts, stores (claiming the row), records and mails a token.</summary>
    private async Task<CessReply?> IssueAsync(string identityId, CessToken token, string ifMatch, string? previousCredentialId, string mailFailed, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = CessTokenCodec.Encode(token, await keys.GetKeyAsync(cancellationToken));
        }
        catch (CryptographicException)
        {
            return CessReply.Of(500, CessMessages.Unexpected); // a mailbox too long for RSA-2048, as in the original
        }

        var credential = await credentials.AddAsync(
            identityId, CredentialKinds.CessToken, SecretHasher.Hash(text), expiresAt: DateTimeOffset.FromUnixTimeSeconds(token.ExpirationTime), cancellationToken: cancellationToken);
        var row = new TableEntity(Partition, TableKeys.Encode(token.Mailbox))
        {
            ["Kind"] = "token",
            ["UserId"] = token.UserId,
            ["CreateUserTime"] = token.CreateUserTime,
            ["CreateTokenTime"] = token.CreateTokenTime,
            ["ExpirationTime"] = token.ExpirationTime,
            ["IdentityId"] = identityId,
            ["CredentialId"] = credential.Id,
        };
        if (await tables.TryUpdateAsync(names.CessAuthTable, row, ifMatch, TableUpdateMode.Replace, cancellationToken) is null)
        {
            // Another request changed the state first: this token was never sent to anyone.
            await credentials.RevokeAsync(credential.Id, CancellationToken.None);
            return null;
        }

        if (previousCredentialId is not null && tokenOptions.Value.RevokeReplaced)
        {
            await credentials.RevokeAsync(previousCredentialId, cancellationToken);
        }

        return await TryMailAsync(CessMails.Token(token.Mailbox, text), cancellationToken)
            ? CessReply.Of(200, CessMessages.TokenSent)
            : CessReply.Of(500, mailFailed);
    }

    private async Task<bool> TryMailAsync(OutgoingMail message, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(message, cancellationToken);
            return true;
        }
        catch (MailDeliveryException e)
        {
            LogMailFailed(logger, e, message.Subject);
            return false;
        }
    }

    private TableEntity CaptchaRow(string mailbox, long code) => new(Partition, TableKeys.Encode(mailbox))
    {
        ["Kind"] = "captcha",
        ["Captcha"] = code,
        ["Expiry"] = Now() + CaptchaLifetimeSeconds,
        ["Attempts"] = 0L,
    };

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>[100000, 999998], the original's range (<c>rand.Intn(899999)+100000</c>), from a cryptographic source.</summary>
    private static long NewCaptcha() => RandomNumberGenerator.GetInt32(100_000, 999_999);

    private static string NewRandomCode() => RandomNumberGenerator.GetString(CessToken.RandomCodeAlphabet, 16);

    /// <summary>A snowflake-shaped id (twitter epoch ms ≪ 22 | random node ≪ 12 | random sequence), opaque like the original's.</summary>
    private long NewUserId()
    {
        const long twitterEpochMs = 1_288_834_974_657;
        var ms = time.GetUtcNow().ToUnixTimeMilliseconds() - twitterEpochMs;
        return (ms << 22) | ((long)RandomNumberGenerator.GetInt32(0, 1023) << 12) | (long)RandomNumberGenerator.GetInt32(0, 4096);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the mail '{Subject}' failed")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, string subject);
}
