using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// The gateway's own error envelope, used by the surfaces that have no original to imitate (files, ops,
/// health): <c>{"error":{"code":"…","message":"…"}}</c>. Compatible surfaces map failures to their original's body.
/// </summary>
internal sealed record GatewayErrorEnvelope(GatewayError Error);

/// <summary>A stable, machine-readable <see cref="Code"/> and a sentence for people.</summary>
internal sealed record GatewayError(string Code, string Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GatewayErrorEnvelope))]
internal sealed partial class GatewayErrorJsonContext : JsonSerializerContext;
