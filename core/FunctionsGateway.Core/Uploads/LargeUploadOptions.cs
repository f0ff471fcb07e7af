using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Settings of the large-file paths (DESIGN.md §4 step 5): tus resumable uploads and direct-to-blob uploads,
/// section <c>Gateway:LargeUploads</c>. Block size and the size limit are those of <see cref="UploadOptions"/>.
/// </summary>
public sealed class LargeUploadOptions : IValidatableObject
{
    public const string SectionName = "Gateway:LargeUploads";

    // As in AzureStorageOptions: the [OptionsValidator] generator checks TimeSpan ranges with its own copy of
    // RangeAttribute that parses the bounds without a TypeConverter; the attribute is only read by that generator.
    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated LargeUploadOptionsValidator, not by reflection.";

    /// <summary>
    /// How long an unfinished upload (tus or direct) may be finished after it was created; later requests get 410.
    /// Default 24 h; 1 min – 7 days, because Azure discards uncommitted blocks after about a week
    /// (spec/standards.md §6.3).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Gateway:LargeUploads:UploadExpiry must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan UploadExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the SAS URL of a direct-to-blob upload stays valid for writing. Default 1 h; 1 min – 1 day, and
    /// not longer than <see cref="UploadExpiry"/>.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Gateway:LargeUploads:SasLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The longest a tus PATCH reads its body: after this it stages what arrived and answers with the offset
    /// reached, and the client continues from there. The PATCH's claim on its upload lapses after twice this, so
    /// a PATCH whose handler died blocks the upload at most that long. Default 4 min (the Functions host ends an
    /// HTTP request after 230 s anyway); 1 s – 1 h.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Gateway:LargeUploads:TusPatchTimeLimit must be between 00:00:01 and 01:00:00.")]
    public TimeSpan TusPatchTimeLimit { get; set; } = TimeSpan.FromMinutes(4);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SasLifetime > UploadExpiry)
        {
            yield return new ValidationResult(
                "Gateway:LargeUploads:SasLifetime must not be longer than Gateway:LargeUploads:UploadExpiry.",
                [nameof(SasLifetime), nameof(UploadExpiry)]);
        }
    }
}
