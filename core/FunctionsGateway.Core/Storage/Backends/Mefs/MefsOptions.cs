using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// Where and how the <c>mefs</c> backend reaches MEFS's S3 gateway (memoio/mefs-gw; spec/compat.md §2.8),
/// section <c>Gateway:Mefs</c>. The backend is registered only when <see cref="Endpoint"/> is set.
/// </summary>
public sealed class MefsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Gateway:Mefs";

    /// <summary>The smallest part S3 (and MinIO, which mefs-gw is built on) accepts for every part but the last.</summary>
    public const long MinPartSizeBytes = 5L * 1024 * 1024;

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated MefsOptionsValidator, not by reflection.";

    /// <summary>
    /// The S3 gateway's URL, e.g. <c>http://127.0.0.1:7000</c>. Default null: the <c>mefs</c> backend is not
    /// registered, and naming it (<c>Gateway:Backend:Default=mefs</c>) fails at start-up.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The access key (mefs-gw: its configured user). Required with <see cref="Endpoint"/>.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret key. Required with <see cref="Endpoint"/>; a secret: keep it in Key Vault or app settings, never in files.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The region requests are signed for (SigV4). Default <c>us-east-1</c>, what MinIO-based gateways expect.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Gateway:Mefs:Region must not be empty.")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Path-style addressing (<c>{endpoint}/{bucket}/{key}</c>) instead of a bucket subdomain. Default true: a
    /// gateway on an IP address or a single host name has no per-bucket DNS names.
    /// </summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>How long one request may take (an upload: until its body is sent and answered; a download: until the answer starts). Default 5 min.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the S3 client retries a failed request whose body can be sent again (not a streamed single-part
    /// upload: those are retried by the push queue). Default 2.
    /// </summary>
    [Range(0, 10, ErrorMessage = "Gateway:Mefs:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Files up to this size are streamed in one PutObject; larger ones go up in a multipart upload of parts this
    /// size, one part in memory at a time. Default 16 MiB; 5 MiB (S3's smallest part) – 1 GiB.
    /// </summary>
    [Range(MinPartSizeBytes, 1024L * 1024 * 1024, ErrorMessage = "Gateway:Mefs:PartSizeBytes must be between 5242880 and 1073741824.")]
    public long PartSizeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// The identity handle scheme whose value is an owner's Ethereum address: an owner with such a handle stores in
    /// the bucket named by the address, lowercased, as MEMO does (compat §2.8). Default <c>memo</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Gateway:Mefs:AddressHandleScheme must not be empty.")]
    public string AddressHandleScheme { get; set; } = "memo";

    /// <summary>
    /// The start of the bucket name of an owner without an address: <c>{prefix}{owner id}</c>. Default <c>fg-</c>;
    /// 1–21 lowercase letters, digits or hyphens, starting with a letter or digit.
    /// </summary>
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,20}$", ErrorMessage = "Gateway:Mefs:BucketPrefix must be 1-21 lowercase letters, digits or hyphens, starting with a letter or digit.")]
    public string BucketPrefix { get; set; } = "fg-";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is null)
        {
            yield break;
        }

        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Gateway:Mefs:Endpoint must be an absolute http or https URL.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrEmpty(AccessKey))
        {
            yield return new ValidationResult("Gateway:Mefs:AccessKey (Gateway__Mefs__AccessKey) is required when Gateway:Mefs:Endpoint is set.", [nameof(AccessKey)]);
        }

        if (string.IsNullOrEmpty(SecretKey))
        {
            yield return new ValidationResult("Gateway:Mefs:SecretKey (Gateway__Mefs__SecretKey) is required when Gateway:Mefs:Endpoint is set.", [nameof(SecretKey)]);
        }
    }
}
