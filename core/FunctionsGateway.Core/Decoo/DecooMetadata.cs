using System.Text.Json;
using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// <c>decooMetadata</c> (compat §3.2), JSON <c>{"name":"…"}</c>: the pin's name, and any other string members as its
/// metadata. A multipart field holds it as text; <c>pinByHash</c>'s JSON body as an object (or as text).
/// </summary>
internal sealed record DecooMetadata(string? Name, IReadOnlyDictionary<string, string> Meta)
{
    public static DecooMetadata None { get; } = new(null, new Dictionary<string, string>());

    /// <summary>Parses the text of a field; null or empty is none.</summary>
    /// <exception cref="DecooRequestException">Not a JSON object of strings, or a name over 255 characters.</exception>
    public static DecooMetadata Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return From(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new DecooRequestException("decooMetadata must be a JSON object such as {\"name\":\"My File\"}", e);
        }
    }

    /// <summary>Reads a JSON object.</summary>
    public static DecooMetadata From(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new DecooRequestException("decooMetadata must be a JSON object such as {\"name\":\"My File\"}");
        }

        string? name = null;
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw new DecooRequestException($"decooMetadata.{property.Name} must be a string");
            }

            if (property.Name == "name")
            {
                name = property.Value.GetString();
            }
            else
            {
                meta[property.Name] = property.Value.GetString()!;
            }
        }

        return name is { Length: > PinSpec.MaxNameLength }
            ? throw new DecooRequestException($"decooMetadata.name must be at most {PinSpec.MaxNameLength} characters")
            : new DecooMetadata(name, meta);
    }

    /// <summary>The pin of <paramref name="cid"/> with this name (or <paramref name="defaultName"/>) and metadata.</summary>
    public PinSpec ToPin(string cid, string? defaultName) => new(cid, Name ?? defaultName, [], Meta);
}
