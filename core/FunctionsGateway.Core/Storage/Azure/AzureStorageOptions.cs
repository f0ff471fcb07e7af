using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// Retry and timeout settings of the Azure Storage clients (section <c>Gateway:Storage</c>, which it shares
/// with other storage settings). They become Azure.Core's <see cref="global::Azure.Core.RetryOptions"/>
/// (https://learn.microsoft.com/dotnet/api/azure.core.retryoptions).
/// </summary>
public sealed class AzureStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Gateway:Storage";

    // The [OptionsValidator] generator checks TimeSpan ranges with its own copy of RangeAttribute that parses the
    // bounds without a TypeConverter; the attribute here is only read by that generator.
    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated AzureStorageOptionsValidator, not by reflection.";

    /// <summary>How many times a failed request (no answer, 408, 429, 5xx) is retried. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially. Default 0.5 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How long one try may take, including sending its body (blocks reach 100 MiB). Default 100 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
