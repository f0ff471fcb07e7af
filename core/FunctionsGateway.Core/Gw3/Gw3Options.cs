using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Gw3;

/// <summary>Settings of the Gateway3 surface (<c>/gw3</c>, spec/compat.md §4), section <c>Gateway:Gw3</c>.</summary>
public sealed class Gw3Options : IValidatableObject
{
    public const string SectionName = "Gateway:Gw3";

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated Gw3OptionsValidator, not by reflection.";

    /// <summary>
    /// How far a request's <c>ts</c> (Unix seconds) may lie from the gateway's clock, either way. The original's window
    /// is unknown (compat §4.5); default 5 min; 1 s – 1 h.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Gateway:Gw3:TimestampWindow must be between 00:00:01 and 01:00:00.")]
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the signed upload URL of a two-step write (<c>POST /gw3/ipfs/</c>, <c>PUT</c>/<c>DELETE</c> under a root,
    /// <c>dag/import</c>) stays usable. Default 10 min; 10 s – 1 day.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Gateway:Gw3:UploadUrlLifetime must be between 00:00:10 and 1.00:00:00.")]
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long an instance may reuse an access key's credential row it has read (its sealed secret and revocation state)
    /// instead of reading it for every request. Default 0: every request reads the row, so a revocation takes effect at
    /// once. A positive value (at most 5 min) saves a Table read per request; a revoked key then keeps working on an
    /// instance for at most this long. Unknown keys are never cached.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Gateway:Gw3:CredentialCacheDuration must be between 00:00:00 and 00:05:00.")]
    public TimeSpan CredentialCacheDuration { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Base64 of 32 random bytes: the key that encrypts access secrets at rest (AES-256-GCM) and signs upload URLs.
    /// Optional: when empty, a key is derived from <c>Gateway:Operator:Key</c> (HKDF-SHA256), so that changing the
    /// operator key then invalidates every issued access secret and outstanding upload URL. Set it in production.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// The base URL clients reach this gateway at (e.g. <c>https://gw.example.com</c>), used for absolute upload URLs.
    /// Optional: when empty, the scheme and host of the request are used.
    /// </summary>
    [Url(ErrorMessage = "Gateway:Gw3:PublicBaseUrl must be an absolute http(s) URL.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The <see cref="SecretKey"/> bytes, or null when none is set.</summary>
    public byte[]? SecretKeyBytes() => string.IsNullOrEmpty(SecretKey) ? null : Convert.FromBase64String(SecretKey);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SecretKey))
        {
            var bytes = new byte[64];
            if (!Convert.TryFromBase64String(SecretKey, bytes, out var length) || length != 32)
            {
                yield return new ValidationResult("Gateway:Gw3:SecretKey must be the base64 of exactly 32 bytes.", [nameof(SecretKey)]);
            }
        }
    }
}
