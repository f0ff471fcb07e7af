using System.Text.Json;

namespace FunctionsGateway.Ctl;

/// <summary>Plain-text layouts of JSON answers for people: a table of a list, aligned fields of an object.</summary>
internal static class TextTable
{
    /// <summary>One row per element, one column per scalar field (in order of first appearance); "(none)" when empty.</summary>
    public static void Write(TextWriter output, JsonElement items)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = items.EnumerateArray().Select(Fields).ToList();
        if (rows.Count == 0)
        {
            output.WriteLine("(none)");
            return;
        }

        var columns = rows.SelectMany(row => row.Select(field => field.Name)).Distinct(StringComparer.Ordinal).ToList();
        var cells = rows.Select(row => columns.Select(c => row.FirstOrDefault(f => f.Name == c).Value ?? "").ToList()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Max(r => r[i].Length))).ToList();
        output.WriteLine(Line(columns, widths));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    /// <summary>One <c>name  value</c> line per field, nested objects flattened with dotted names.</summary>
    public static void WriteFields(TextWriter output, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(output);
        var fields = Fields(value);
        if (fields.Count == 0)
        {
            output.WriteLine(Text(value));
            return;
        }

        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, text) in fields)
        {
            output.WriteLine($"{name.PadRight(width)}  {text}");
        }
    }

    private static List<(string Name, string Value)> Fields(JsonElement value)
    {
        var fields = new List<(string, string)>();
        Collect(value, "", fields);
        return fields;
    }

    private static void Collect(JsonElement value, string prefix, List<(string, string)> fields)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, name + ".", fields);
            }
            else
            {
                fields.Add((name, Text(property.Value)));
            }
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "-",
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) =>
            string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    private static string Line(List<string> cells, List<int> widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
