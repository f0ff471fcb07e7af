using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Uploads;

/// <summary>The push queue's message: which file to push. Small and self-describing JSON.</summary>
public sealed record PushMessage(
    [property: JsonPropertyName("owner")] string OwnerId,
    [property: JsonPropertyName("file")] string FileId)
{
    public string ToJson() => JsonSerializer.Serialize(this, UploadsJsonContext.Default.PushMessage);

    /// <summary>Parses a message; null when it is not one (such a message goes to the poison queue).</summary>
    public static PushMessage? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize(text, UploadsJsonContext.Default.PushMessage);
            return message is { OwnerId.Length: > 0 } && FileIndex.IsValidFileId(message.FileId) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(PushMessage))]
internal sealed partial class UploadsJsonContext : JsonSerializerContext;
