using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Memo;

/// <summary>The MEMO surface's sign-in rules (compat §2.2–§2.5), section <c>Gateway:Memo</c>.</summary>
public sealed class MemoOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Memo";

    internal const string SourceGenerated = "Validated by the source-generated validator, not by reflection.";

    /// <summary>
    /// The service's domain: the JWTs' <c>aud</c> and <c>iss</c>, the domain Lens messages must name, and the
    /// SIWE domain when <see cref="AllowedDomains"/> is empty. Default <c>memo.io</c>, the original's.
    /// </summary>
    [Required(ErrorMessage = "Gateway:Memo:Domain (Gateway__Memo__Domain) is required.")]
    [RegularExpression(@"^[^\s/?#]+$", ErrorMessage = "Gateway:Memo:Domain must be a host (with an optional port), without a scheme or path.")]
    public string Domain { get; set; } = "memo.io";

    /// <summary>
    /// The SIWE domains (<c>Origin</c> host and port) <c>/challenge</c> issues messages for; empty (default) means
    /// only <see cref="Domain"/>, and <c>*</c> means any origin, as the original allowed.
    /// </summary>
    public List<string> AllowedDomains { get; set; } = [];

    /// <summary>
    /// The chain ids a SIWE message may name; <c>/challenge?chainid=</c> picks one, the first by default.
    /// Empty (default) means 985 alone, the original's chain.
    /// </summary>
    public List<long> ChainIds { get; set; } = [];

    /// <summary>How long a SIWE nonce may be used after <c>/challenge</c> issued it. Default 30 s (the original's).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Gateway:Memo:NonceLifetime must be between 5 seconds and 10 minutes.")]
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old a DID login's <c>timestamp</c> may be. Default 60 s (the original's "within one minute").</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Gateway:Memo:DidLoginWindow must be between 5 seconds and 10 minutes.")]
    public TimeSpan DidLoginWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How far clocks may disagree: a DID login's <c>timestamp</c>, a SIWE <c>Not Before</c> and a Lens message's
    /// <c>Issued At</c> may lie this far in the future, and a token's <c>iat</c> as well. Default 30 s.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Gateway:Memo:ClockSkew must be between 0 and 5 minutes.")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The chain id of SIWE messages when <see cref="ChainIds"/> is empty: 985, as at <c>@39c1c98</c>.</summary>
    public const long DefaultChainId = 985;

    /// <summary>The chain ids in force.</summary>
    public IReadOnlyList<long> EffectiveChainIds => ChainIds.Count > 0 ? ChainIds : [DefaultChainId];

    /// <summary>Whether <c>/challenge</c> may issue a message for <paramref name="domain"/>.</summary>
    public bool AllowsDomain(string domain) =>
        AllowedDomains.Count == 0
            ? string.Equals(domain, Domain, StringComparison.OrdinalIgnoreCase)
            : AllowedDomains.Any(d => d == "*" || string.Equals(d, domain, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChainIds.Any(id => id <= 0))
        {
            yield return new ValidationResult("Gateway:Memo:ChainIds must be positive chain ids.", [nameof(ChainIds)]);
        }

        if (AllowedDomains.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Gateway:Memo:AllowedDomains must not hold empty entries.", [nameof(AllowedDomains)]);
        }
    }
}

/// <summary>The MEMO JWTs (compat §2.2), in section <c>Gateway:Memo</c> beside <see cref="MemoOptions"/>.</summary>
public sealed class MemoJwtOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Memo";

    /// <summary>The setting's name, for messages.</summary>
    public const string SigningKeySetting = "Gateway:Memo:JwtSigningKey";

    /// <summary>
    /// The HS256 key, a secret (an app setting that may be a Key Vault reference). Hex (the original's
    /// <c>securityKey</c> form) is decoded; any other text is used as its UTF-8 bytes. At least 32 bytes either way.
    /// No default: while it is empty the routes that issue or read tokens answer 523 ConfigError.
    /// </summary>
    public string JwtSigningKey { get; set; } = "";

    /// <summary>Access token lifetime. Default 15 minutes (SIWE era).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = MemoOptions.SourceGenerated)]
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Gateway:Memo:AccessTokenLifetime must be between 1 minute and 1 day.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Refresh token lifetime. Default 7 days.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = MemoOptions.SourceGenerated)]
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00", ErrorMessage = "Gateway:Memo:RefreshTokenLifetime must be between 5 minutes and 90 days.")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The key bytes, or null while <see cref="JwtSigningKey"/> is empty.</summary>
    public byte[]? KeyBytes()
    {
        if (string.IsNullOrEmpty(JwtSigningKey))
        {
            return null;
        }

        return JwtSigningKey.Length % 2 == 0 && JwtSigningKey.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(JwtSigningKey)
            : System.Text.Encoding.UTF8.GetBytes(JwtSigningKey);
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyBytes() is { Length: < 32 })
        {
            yield return new ValidationResult(
                SigningKeySetting + " must hold at least 32 bytes: 64 hex digits or 32 characters of text.", [nameof(JwtSigningKey)]);
        }

        if (RefreshTokenLifetime <= AccessTokenLifetime)
        {
            yield return new ValidationResult("Gateway:Memo:RefreshTokenLifetime must be longer than AccessTokenLifetime.", [nameof(RefreshTokenLifetime)]);
        }
    }
}

/// <summary>Lens sign-in (compat §2.3 <c>/lens/login</c>), section <c>Gateway:Memo:Lens</c>.</summary>
public sealed class MemoLensOptions
{
    public const string SectionName = "Gateway:Memo:Lens";

    /// <summary>Whether <c>/lens/login</c> asks the Lens API whether the address has a profile. Default false (off).</summary>
    public bool CheckRegistered { get; set; }

    /// <summary>The Lens GraphQL endpoint asked when <see cref="CheckRegistered"/> is on. Default <c>https://api.lens.dev</c>.</summary>
    [Required(ErrorMessage = "Gateway:Memo:Lens:ApiUrl is required.")]
    public Uri ApiUrl { get; set; } = new("https://api.lens.dev");

    /// <summary>How long the Lens API may take to answer. Default 10 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = MemoOptions.SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Gateway:Memo:Lens:Timeout must be between 1 second and 1 minute.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Which backends serve MEMO's storage types (compat §2.8), section <c>Gateway:Memo:Storage</c>: each route
/// <c>/memo/{mefs|ipfs}/…</c> resolves its backend by name in the backend registry.
/// </summary>
public sealed class MemoStorageOptions
{
    public const string SectionName = "Gateway:Memo:Storage";

    /// <summary>The backend of <c>/memo/mefs/</c>. Default <c>mefs</c>.</summary>
    [Required(ErrorMessage = "Gateway:Memo:Storage:Mefs is required.")]
    public string Mefs { get; set; } = "mefs";

    /// <summary>The backend of <c>/memo/ipfs/</c>. Default <c>ipfs</c>.</summary>
    [Required(ErrorMessage = "Gateway:Memo:Storage:Ipfs is required.")]
    public string Ipfs { get; set; } = "ipfs";

    /// <summary>
    /// The backend used when the one named for a storage type is not registered (e.g. <c>local</c> in development);
    /// empty (default) means none, and such a storage type answers 518 <c>storage not support</c>.
    /// </summary>
    public string Fallback { get; set; } = "";
}
