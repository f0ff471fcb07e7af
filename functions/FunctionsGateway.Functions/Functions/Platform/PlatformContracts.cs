using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Platform;

/// <summary><c>GET /health</c>: overall status and one entry per storage service (<c>blob</c>, <c>table</c>, <c>queue</c>).</summary>
internal sealed record HealthResponse(string Status, IReadOnlyDictionary<string, ServiceHealthResponse> Storage);

/// <summary>One storage service's probe.</summary>
internal sealed record ServiceHealthResponse(
    bool Reachable,
    long ElapsedMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext;
