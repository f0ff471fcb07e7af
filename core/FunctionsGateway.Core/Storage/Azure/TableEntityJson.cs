using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// Table entities as OData JSON
/// (https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations), without
/// reflection. Writing annotates what JSON cannot carry (<c>Edm.Int64</c> as a string, <c>Edm.DateTime</c>,
/// <c>Edm.Guid</c>, <c>Edm.Binary</c> as base64, and <c>Edm.Double</c> so that 1.0 stays a double); reading
/// follows the <c>@odata.type</c> annotations that minimal metadata returns and infers the rest
/// (a JSON number with a fraction or exponent is a double, otherwise an int). Pure.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    /// <summary>The entity as a UTF-8 JSON object, keys included.</summary>
    public static byte[] Write(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An entity from one JSON object of a response: keys, <c>Timestamp</c>, <c>odata.etag</c>, and the
    /// typed properties; other <c>odata.*</c> annotations are skipped.</summary>
    public static TableEntity Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A table entity must be a JSON object, not {element.ValueKind}.");
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        string? partitionKey = null;
        string? rowKey = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
            else if (property.Name == "PartitionKey")
            {
                partitionKey = property.Value.GetString();
            }
            else if (property.Name == "RowKey")
            {
                rowKey = property.Value.GetString();
            }
        }

        var entity = new TableEntity(
            partitionKey ?? throw new FormatException("The entity has no PartitionKey."),
            rowKey ?? throw new FormatException("The entity has no RowKey."));
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "odata.etag" or "@odata.etag")
            {
                entity.ETag = property.Value.GetString();
            }
            else if (name == "Timestamp")
            {
                entity.Timestamp = ReadDateTime(property.Value);
            }
            else if (name is not ("PartitionKey" or "RowKey")
                     && !name.StartsWith("odata.", StringComparison.Ordinal)
                     && !name.Contains('@', StringComparison.Ordinal))
            {
                entity[name] = ReadValue(name, property.Value, types.GetValueOrDefault(name));
            }
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Property name '{name}' is reserved by the Table service.", nameof(name));
        }

        switch (value)
        {
            case null:
                // The service stores no nulls; leaving the property out is how a null is written.
                return;
            case string s:
                writer.WriteString(name, s);
                return;
            case int i:
                writer.WriteNumber(name, i);
                return;
            case long l:
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                return;
            case double d when double.IsFinite(d):
                writer.WriteNumber(name, d);
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                return;
            case double:
                // Azure spells these "INF"/"-INF", Azurite "Infinity"/"-Infinity": neither round-trips on the other.
                throw new ArgumentException($"Property '{name}' is not a finite double; Table storage cannot round-trip it.", nameof(value));
            case bool b:
                writer.WriteBoolean(name, b);
                return;
            case DateTimeOffset dto:
                WriteDateTime(writer, name, dto.UtcDateTime);
                return;
            case DateTime dt:
                WriteDateTime(writer, name, dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime());
                return;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                return;
            case byte[] bytes:
                writer.WriteBase64String(name, bytes);
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                return;
            default:
                throw new ArgumentException(
                    $"Property '{name}' is a {value.GetType().Name}; Table storage takes string, int, long, double, bool, DateTimeOffset, Guid or byte[].",
                    nameof(value));
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        writer.WriteString(name, utc.ToString("o", CultureInfo.InvariantCulture));
        writer.WriteString(name + TypeSuffix, "Edm.DateTime");
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return edmType switch
            {
                null => ReadInferred(value),
                "Edm.String" => value.GetString(),
                "Edm.Int32" => value.GetInt32(),
                "Edm.Int64" => value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : value.GetInt64(),
                "Edm.Double" => ReadDouble(value),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.DateTime" => ReadDateTime(value),
                "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "Edm.Binary" => value.GetBytesFromBase64(),
                _ => throw new FormatException($"Property '{name}' has the unknown type {edmType}."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException)
        {
            throw new FormatException($"Property '{name}' is not a valid {edmType ?? value.ValueKind.ToString()}.", e);
        }
    }

    private static object? ReadInferred(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') >= 0 => value.GetDouble(),
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new FormatException($"Unexpected JSON {value.ValueKind} in an entity."),
    };

    private static double ReadDouble(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.GetString() switch
        {
            "NaN" => double.NaN,
            "INF" or "Infinity" => double.PositiveInfinity,
            "-INF" or "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private static DateTimeOffset ReadDateTime(JsonElement value) =>
        DateTimeOffset.Parse(
            value.GetString() ?? throw new FormatException("A date is null."),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
