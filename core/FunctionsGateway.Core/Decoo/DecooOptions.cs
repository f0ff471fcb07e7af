using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Decoo;

/// <summary>Settings of the Decoo surface (<c>/decoo</c>, spec/compat.md §3), section <c>Gateway:Decoo</c>.</summary>
public sealed class DecooOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Decoo";

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated DecooOptionsValidator, not by reflection.";

    /// <summary>
    /// How long an access token of <c>GET /decoo/oauth/accessToken</c> is valid. Decoo's are valid for 2 hours (compat
    /// §3.1); default 2 h; 1 min – 1 day.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Gateway:Decoo:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Base64 of 32 random bytes: the key that encrypts the API keys' HS256 secrets at rest (AES-256-GCM). Optional:
    /// when empty, a key is derived from <c>Gateway:Operator:Key</c> (HKDF-SHA256), so that changing the operator key
    /// then invalidates every issued API key. Set it in production.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The name this gateway has as the first entry of <c>GET /decoo/endpoint/list</c>. Default <c>FunctionsGateway</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Gateway:Decoo:EndpointName must not be empty.")]
    [StringLength(100, ErrorMessage = "Gateway:Decoo:EndpointName must be at most 100 characters.")]
    public string EndpointName { get; set; } = "FunctionsGateway";

    /// <summary>
    /// The <c>apiHost</c> of this gateway's entry in <c>GET /decoo/endpoint/list</c>: the URL a Decoo client uses as
    /// its endpoint (e.g. <c>https://gw.example.com/decoo</c>). Optional: when empty, the request's scheme and host
    /// followed by <c>/decoo</c>.
    /// </summary>
    [Url(ErrorMessage = "Gateway:Decoo:PublicBaseUrl must be an absolute http(s) URL.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Further endpoints listed after this gateway (e.g. other regions), ids 2, 3, … in this order. Default none.</summary>
    public List<DecooEndpointOptions> Endpoints { get; set; } = [];

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
                yield return new ValidationResult("Gateway:Decoo:SecretKey must be the base64 of exactly 32 bytes.", [nameof(SecretKey)]);
            }
        }

        for (var i = 0; i < Endpoints.Count; i++)
        {
            var endpoint = Endpoints[i];
            if (string.IsNullOrWhiteSpace(endpoint.Name)
                || !Uri.TryCreate(endpoint.ApiHost, UriKind.Absolute, out var host) || host.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult(
                    $"Gateway:Decoo:Endpoints:{i} needs a Name and an ApiHost that is an absolute http(s) URL (Gateway__Decoo__Endpoints__{i}__Name, __ApiHost).",
                    [nameof(Endpoints)]);
            }
        }
    }
}

/// <summary>One further endpoint of <c>GET /decoo/endpoint/list</c>.</summary>
public sealed class DecooEndpointOptions
{
    /// <summary>Its display name, e.g. <c>Hong Kong</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Its base URL, e.g. <c>https://api-hk.decoo.io</c>.</summary>
    public string? ApiHost { get; set; }
}
