using System.Globalization;
using System.Text.Json;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// A queue-trigger invocation from the Functions host (spec/azure.md §1.5): <c>{"Data":{…},"Metadata":{…}}</c>.
/// The host serializes string values with JSON once more, so a message arrives as a JSON string whose content
/// is itself a JSON string literal (<c>"\"text\""</c>); <see cref="Parse"/> undoes that, and accepts the plain
/// forms too.
/// </summary>
internal sealed record QueueInvocation(string? MessageText, long DequeueCount, string? MessageId)
{
    /// <summary>Reads the message of binding <paramref name="bindingName"/>; null when the payload is not an invocation.</summary>
    public static QueueInvocation? Parse(JsonElement payload, string bindingName)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !TryGetProperty(payload, "Data", out var data) || data.ValueKind != JsonValueKind.Object
            || !TryGetProperty(data, bindingName, out var message))
        {
            return null;
        }

        var text = Unwrap(message);
        long dequeueCount = 1;
        string? id = null;
        if (TryGetProperty(payload, "Metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            if (TryGetProperty(metadata, "DequeueCount", out var count)
                && long.TryParse(Unwrap(count), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                dequeueCount = parsed;
            }

            if (TryGetProperty(metadata, "Id", out var messageId))
            {
                id = Unwrap(messageId);
            }
        }

        return new QueueInvocation(text, dequeueCount, id);
    }

    /// <summary>A value as text: a string is decoded, and decoded again when it holds a JSON string literal.</summary>
    private static string? Unwrap(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                {
                    try
                    {
                        using var inner = JsonDocument.Parse(text);
                        if (inner.RootElement.ValueKind == JsonValueKind.String)
                        {
                            return inner.RootElement.GetString();
                        }
                    }
                    catch (JsonException)
                    {
                        // Not a literal after all: the text is the message.
                    }
                }

                return text;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return value.GetRawText();
        }
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
