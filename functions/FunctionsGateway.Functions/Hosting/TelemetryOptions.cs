using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// OpenTelemetry export, section <c>Gateway:Telemetry</c>. Off by default: without <see cref="OtlpEndpoint"/> no
/// provider or exporter is built, so cold start pays nothing. The exporter also honours the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> environment variables (e.g. headers carrying a collector's key).
/// </summary>
internal sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Telemetry";

    /// <summary>The OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP). Default: none (off).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OTLP transport: <c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public OtlpTransport OtlpProtocol { get; set; } = OtlpTransport.Grpc;

    /// <summary>The <c>service.name</c> resource attribute. Default <c>functions-gateway</c>.</summary>
    [Required]
    [MinLength(1)]
    public string ServiceName { get; set; } = "functions-gateway";

    /// <summary>True when an endpoint is set.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"The field {nameof(TelemetryOptions)}.{nameof(OtlpEndpoint)} must be an absolute http or https URL; it is '{OtlpEndpoint}'.", [nameof(OtlpEndpoint)]);
        }
    }
}

/// <summary>See <see cref="TelemetryOptions.OtlpProtocol"/>.</summary>
internal enum OtlpTransport
{
    Grpc,
    HttpProtobuf,
}
