using FunctionsGateway.Core.Auth.Crypto;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// SIWE sign-in (compat §2.3): <c>/challenge</c> issues an EIP-4361 message bound to the caller's origin and a
/// single-use nonce; <c>/login</c> checks the EIP-191 signature and spends the nonce; <c>/lens/login</c> accepts
/// Lens's own messages (chain 137, the service's domain). Failures are <see cref="MemoException"/>s with the
/// original's messages. Safer than the original: the nonce is bound to the domain, URI, address and chain id it
/// was issued for and spent only by a valid signature; <c>Expiration Time</c> and <c>Not Before</c> are honoured;
/// a Lens message must be fresh and is accepted once.
/// </summary>
internal sealed class MemoSiweLogin(
    MemoNonceStore nonces,
    MemoTokenService tokens,
    MemoIdentities identities,
    MemoLensRegistry lens,
    IOptions<MemoOptions> options,
    TimeProvider time)
{
    /// <summary>The chain id of Lens messages (Polygon).</summary>
    public const long LensChainId = 137;

    public const string EmptyParameter = "There is an empty parameter";
    public const string CannotParse = "Can't parse message";
    public const string WrongChainId = "Got wrong chain id";
    public const string WrongDomain = "Got wrong domain";
    public const string WrongUri = "Got wrong uri";
    public const string WrongNonce = "Got wrong nonce";
    public const string WrongSignature = "Got wrong address/signature";
    public const string Expired = "Message expired";
    public const string NotYetValid = "Message not yet valid";

    /// <summary>
    /// The challenge for an <c>Origin</c> and an address (any hex form); <paramref name="chainId"/> is
    /// <c>?chainid=</c>, one of the configured chain ids (the first when absent).
    /// </summary>
    public async Task<string> ChallengeAsync(string? origin, string? address, string? chainId, CancellationToken cancellationToken = default)
    {
        // Go's url.Parse: the host (with port) of an absolute URL; anything else has none.
        var originUri = Uri.TryCreate(origin, UriKind.Absolute, out var parsed) && parsed.Authority.Length > 0 ? parsed : null;
        if (originUri is null)
        {
            throw new MemoException(MemoErrorKind.InvalidRequest, "`domain` must not be empty");
        }

        var domain = originUri.IsDefaultPort ? originUri.Host : originUri.Authority;
        if (!options.Value.AllowsDomain(domain))
        {
            throw Authentication(WrongDomain);
        }

        if (string.IsNullOrEmpty(address))
        {
            throw new MemoException(MemoErrorKind.Address, "address is null");
        }

        if (!TryParseLooseAddress(address, out var account))
        {
            throw new MemoException(MemoErrorKind.Address, "invalid address " + address);
        }

        var chain = options.Value.EffectiveChainIds[0];
        if (!string.IsNullOrEmpty(chainId) && (!long.TryParse(chainId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out chain)
            || !options.Value.EffectiveChainIds.Contains(chain)))
        {
            throw Authentication(WrongChainId);
        }

        var now = time.GetUtcNow();
        var message = new SiweMessage
        {
            Domain = domain,
            Address = account,
            Uri = origin!.TrimEnd('/'),
            ChainId = chain,
            Nonce = MemoNonceStore.NewNonce(),
            IssuedAt = SiweMessage.FormatTimestamp(now),
        };
        await nonces.IssueAsync(new SiweChallenge(message.Nonce, message.Domain, message.Uri, account, chain, now + options.Value.NonceLifetime), cancellationToken);
        return message.ToString();
    }

    /// <summary><c>POST /login</c> with <c>{message, signature}</c>.</summary>
    public async Task<MemoTokenPair> LoginAsync(string? text, string? signature, CancellationToken cancellationToken = default)
    {
        var message = ReadSigned(text, signature);
        if (!options.Value.EffectiveChainIds.Contains(message.ChainId))
        {
            throw Authentication(WrongChainId);
        }

        var challenge = await nonces.ConsumeAsync(message.Nonce, cancellationToken) ?? throw Authentication(WrongNonce);
        if (challenge.Address != message.Address)
        {
            throw Authentication(WrongNonce);
        }

        if (challenge.ChainId != message.ChainId)
        {
            throw Authentication(WrongChainId);
        }

        if (!string.Equals(challenge.Domain, message.Domain, StringComparison.OrdinalIgnoreCase))
        {
            throw Authentication(WrongDomain);
        }

        if (!string.Equals(challenge.Uri, message.Uri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            throw Authentication(WrongUri);
        }

        CheckValidity(message);
        var subject = message.Address.ToString();
        var identity = await identities.GetOrCreateAsync(subject, cancellationToken);
        return await tokens.IssuePairAsync(identity, subject, isRegistered: false, cancellationToken);
    }

    /// <summary><c>POST /lens/login</c> with a Lens challenge and its signature.</summary>
    public async Task<(MemoTokenPair Tokens, bool IsRegistered)> LensLoginAsync(string? text, string? signature, CancellationToken cancellationToken = default)
    {
        var message = ReadSigned(text, signature);
        if (!string.Equals(message.Domain, options.Value.Domain, StringComparison.OrdinalIgnoreCase))
        {
            throw Authentication(WrongDomain);
        }

        if (message.ChainId != LensChainId)
        {
            throw Authentication(WrongChainId);
        }

        // The original trusted any old Lens message for ever; here it must be fresh and is accepted once.
        var now = time.GetUtcNow();
        var issuedAt = ParseTime(message.IssuedAt);
        var lifetime = options.Value.NonceLifetime;
        var skew = options.Value.ClockSkew;
        if (issuedAt > now + skew)
        {
            throw Authentication(NotYetValid);
        }

        if (issuedAt + lifetime + skew < now)
        {
            throw Authentication(Expired);
        }

        CheckValidity(message);
        if (!await nonces.TryUseLensNonceAsync(message.Nonce, issuedAt + lifetime + skew, cancellationToken))
        {
            throw Authentication(WrongNonce);
        }

        var registered = false;
        if (lens.Enabled)
        {
            registered = await lens.IsRegisteredAsync(message.Address, cancellationToken);
            if (!registered)
            {
                throw new MemoException(MemoErrorKind.Address, $"The address {message.Address} is not registered on lens");
            }
        }

        var subject = message.Address.ToString();
        var identity = await identities.GetOrCreateAsync(subject, cancellationToken);
        return (await tokens.IssuePairAsync(identity, subject, registered, cancellationToken), registered);
    }

    /// <summary>
    /// The message as siwe-go parses it after the original's trimming (a leading newline, a leading
    /// <c>https://</c> or <c>http://</c>, a trailing newline and space), once its EIP-191 signature over the
    /// untrimmed text is known to come from the message's address. v may be 0, 1, 27 or 28.
    /// </summary>
    private static SiweMessage ReadSigned(string? text, string? signature)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(signature))
        {
            throw Authentication(EmptyParameter);
        }

        var trimmed = TrimPrefix(text, "\n");
        trimmed = trimmed.StartsWith("https://", StringComparison.Ordinal) ? trimmed["https://".Length..] : TrimPrefix(trimmed, "http://");
        if (trimmed.EndsWith("\n ", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^2];
        }

        if (!SiweMessage.TryParse(trimmed, out var message, out var error))
        {
            throw Authentication(error.Contains("EIP-55", StringComparison.Ordinal) ? "Address must be in EIP-55 format" : CannotParse);
        }

        if (!EthereumSigner.TryDecodeHex(signature, out var rsv))
        {
            throw Authentication(WrongSignature);
        }

        var recovered = Eip191Signer.RecoverAddress(text, rsv);
        if (!recovered.IsValid || recovered.Address != message.Address)
        {
            throw Authentication(WrongSignature);
        }

        return message;
    }

    private void CheckValidity(SiweMessage message)
    {
        var now = time.GetUtcNow();
        var skew = options.Value.ClockSkew;
        if (message.ExpirationTime is { } expiration && ParseTime(expiration) <= now)
        {
            throw Authentication(Expired);
        }

        if (message.NotBefore is { } notBefore && ParseTime(notBefore) > now + skew)
        {
            throw Authentication(NotYetValid);
        }
    }

    private static DateTimeOffset ParseTime(string value)
    {
        try
        {
            return SiweMessage.ParseTimestamp(value);
        }
        catch (FormatException)
        {
            // The parser's pattern allows dates the calendar does not have (e.g. 02-31).
            throw Authentication(CannotParse);
        }
    }

    private static bool TryParseLooseAddress(string text, out EthereumAddress address)
    {
        // go-ethereum's HexToAddress takes any case; a mixed-case address here must still carry its checksum.
        var candidate = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text;
        return EthereumAddress.TryParse(candidate, out address);
    }

    private static string TrimPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;

    private static MemoException Authentication(string detail) => new(MemoErrorKind.Authentication, detail);
}
