using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// Rate limits per identity and per route (function), section <c>Gateway:RateLimits</c>: a fixed window of
/// <see cref="Window"/> in which each identity may call each function at most its limit. A function's limit is
/// <c>Limits[&lt;function name&gt;]</c>, else <c>Limits[&lt;surface&gt;]</c>, else <see cref="DefaultLimit"/>; 0 means
/// unlimited (and costs no storage access).
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "Gateway:RateLimits";

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated RateLimitOptionsValidator, not by reflection.";

    /// <summary>The window length. Default 1 min.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Gateway:RateLimits:Window must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The limit of a function that neither it nor its surface names in <see cref="Limits"/>. Default 0 (unlimited).</summary>
    [Range(0, 1_000_000, ErrorMessage = "Gateway:RateLimits:DefaultLimit must be between 0 and 1000000.")]
    public int DefaultLimit { get; set; }

    /// <summary>
    /// Limits by function name (e.g. <c>PsaListPins</c>) or surface (e.g. <c>psa</c>). Defaults: <c>psa</c> 180 and
    /// <c>PsaListPins</c> 30 per window, Pinata's figures for its API and its PSA listing (spec/standards.md §3.4).
    /// </summary>
    public Dictionary<string, int> Limits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["psa"] = 180,
        ["PsaListPins"] = 30,
    };

    /// <summary>The limit of <paramref name="route"/> on <paramref name="surface"/> (0: unlimited).</summary>
    public int LimitFor(string route, string surface) =>
        Limits.TryGetValue(route, out var byRoute) ? byRoute
        : Limits.TryGetValue(surface, out var bySurface) ? bySurface
        : DefaultLimit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, limit) in Limits)
        {
            if (limit is < 0 or > 1_000_000)
            {
                yield return new ValidationResult($"Gateway:RateLimits:Limits:{key} must be between 0 and 1000000; it is {limit}.", [nameof(Limits)]);
            }
        }
    }
}
