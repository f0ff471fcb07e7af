using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Storage.Backends.Cess;

/// <summary>The DeOSS gateway the <c>cess</c> backend pushes to, section <c>Gateway:Cess:Deoss</c>.</summary>
public sealed class DeossOptions
{
    public const string SectionName = "Gateway:Cess:Deoss";

    private const string SourceGenerated = "Validated by the source-generated DeossOptionsValidator, not by reflection.";

    /// <summary>DeOSS's base address, e.g. <c>https://deoss-sgp.cess.network</c>. Empty (default): no <c>cess</c> backend.</summary>
    [RegularExpression("^(https?://.+)?$", ErrorMessage = "Gateway:Cess:Deoss:Endpoint must be an http:// or https:// URL.")]
    public string Endpoint { get; set; } = "";

    /// <summary>How far in the future the signed <c>Message</c> (an expiry, Unix seconds) lies. Default 5 min; 10 s – 1 h.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Gateway:Cess:Deoss:MessageLifetime must be between 00:00:10 and 01:00:00.")]
    public TimeSpan MessageLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time limit of one request (an upload sends the whole file). Default 30 min; 10 s – 2 h.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:10", "02:00:00", ErrorMessage = "Gateway:Cess:Deoss:Timeout must be between 00:00:10 and 02:00:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
