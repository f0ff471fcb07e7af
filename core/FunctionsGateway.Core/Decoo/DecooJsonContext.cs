using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Decoo;

/// <summary>An API key's JWT claims, as Decoo's PSA writes them: <c>{"key":{"api_key":"…","user_id":"…"}}</c>.</summary>
internal sealed record DecooApiKeyClaims([property: JsonPropertyName("key")] DecooApiKeyClaim? Key);

/// <summary>The <c>key</c> claim.</summary>
internal sealed record DecooApiKeyClaim([property: JsonPropertyName("api_key")] string? ApiKey, [property: JsonPropertyName("user_id")] string? UserId);

[JsonSerializable(typeof(DecooApiKeyClaims))]
internal sealed partial class DecooJsonContext : JsonSerializerContext;
