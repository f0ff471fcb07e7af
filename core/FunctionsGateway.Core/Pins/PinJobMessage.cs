using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Pins;

/// <summary>The pin queue's message: which request to work on (its owner and row). Small and self-describing JSON.</summary>
public sealed record PinJobMessage(
    [property: JsonPropertyName("owner")] string OwnerId,
    [property: JsonPropertyName("row")] string Row)
{
    public string ToJson() => JsonSerializer.Serialize(this, PinsJsonContext.Default.PinJobMessage);

    /// <summary>Parses a message; null when it is not one (such a message goes to the poison queue).</summary>
    public static PinJobMessage? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize(text, PinsJsonContext.Default.PinJobMessage);
            return message is { OwnerId.Length: > 0 } && PinRequestStore.IsRow(message.Row) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
