using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Pins;

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(PinJobMessage))]
internal sealed partial class PinsJsonContext : JsonSerializerContext;
