using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>
/// The IPFS node the <c>ipfs</c> backend pushes to (DESIGN.md §7), section <c>Gateway:Ipfs</c>: the base URL of its
/// Kubo RPC API (https://docs.ipfs.tech/reference/kubo/rpc/), how to authenticate, and how patiently to talk to it.
/// Without <see cref="ApiUrl"/> the backend is not registered.
/// </summary>
public sealed class IpfsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Gateway:Ipfs";

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated IpfsOptionsValidator, not by reflection.";

    /// <summary>
    /// The node's RPC API, e.g. <c>http://127.0.0.1:5001</c> (the <c>/api/v0/</c> path is added). Default none:
    /// null or empty means the <c>ipfs</c> backend is not configured.
    /// </summary>
    public string? ApiUrl { get; set; }

    /// <summary>
    /// The <c>Authorization</c> header value sent with every call, for hosted nodes behind an authenticating proxy
    /// (e.g. <c>Basic …</c> or <c>Bearer …</c>). Default none.
    /// </summary>
    public string? Authorization { get; set; }

    /// <summary>
    /// How long one call that carries no file may take until the node answers (for <c>cat</c>, until the body
    /// starts). Default 100 s.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Gateway:Ipfs:RequestTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long sending a file (<c>add</c>, <c>dag/import</c>) and getting the node's answer may take. Default 1 h.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Gateway:Ipfs:UploadTimeout must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many times a call without a file body is retried when the node does not answer (connection refused,
    /// reset, timeout). Calls that stream a file are not retried here; the push worker retries the whole push.
    /// Default 3.
    /// </summary>
    [Range(0, 10, ErrorMessage = "Gateway:Ipfs:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially, with jitter. Default 0.5 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Gateway:Ipfs:RetryDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>True when <see cref="ApiUrl"/> is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiUrl);

    /// <summary>The RPC base (<see cref="ApiUrl"/> + <c>/api/v0/</c>).</summary>
    internal Uri RpcBase
    {
        get
        {
            var url = (ApiUrl ?? throw new InvalidOperationException("Gateway:Ipfs:ApiUrl is not set.")).TrimEnd('/');
            if (url.EndsWith("/api/v0", StringComparison.Ordinal))
            {
                url = url[..^"/api/v0".Length];
            }

            return new Uri(url + "/api/v0/", UriKind.Absolute);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured
            && (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return new ValidationResult(
                $"Gateway:Ipfs:ApiUrl (Gateway__Ipfs__ApiUrl) must be an absolute http or https URL without a query, such as http://127.0.0.1:5001; it is '{ApiUrl}'.",
                [nameof(ApiUrl)]);
        }

        if (Authorization is { } authorization && authorization.Any(char.IsControl))
        {
            yield return new ValidationResult("Gateway:Ipfs:Authorization must not contain control characters.", [nameof(Authorization)]);
        }
    }
}
