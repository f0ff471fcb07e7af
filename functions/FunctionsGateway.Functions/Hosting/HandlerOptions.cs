using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>The handler's HTTP settings, section <c>Gateway:Http</c>.</summary>
internal sealed class HandlerOptions
{
    public const string SectionName = "Gateway:Http";

    /// <summary>
    /// The largest body of a route that does not stream uploads (JSON and form requests). Default 1 MiB;
    /// larger bodies get 413 before they are read. Upload routes are limited by <c>Gateway:Uploads:MaxFileBytes</c>.
    /// </summary>
    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Gateway:Http:MaxRequestBodyBytes must be between 1024 and 104857600.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
