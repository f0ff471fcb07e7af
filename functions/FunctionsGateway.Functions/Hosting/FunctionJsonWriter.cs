using System.Text.Json;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Writes the function folders the Functions host loads (spec/azure.md §1.4, §1.5): one
/// <c>&lt;Name&gt;/function.json</c> per function, an <c>httpTrigger</c> with an <c>http</c> output for HTTP
/// functions (the pair the host forwards or proxies) and a <c>queueTrigger</c> for queue functions. Folders
/// of functions that no longer exist are removed. Run by the build and publish steps, never by hand.
/// </summary>
internal static class FunctionJsonWriter
{
    public const string FileName = "function.json";

    /// <summary>The connection setting queue triggers read (the host's own storage account).</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>Writes every function under <paramref name="appRoot"/>.</summary>
    public static void Write(string appRoot, IReadOnlyList<FunctionDefinition> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        Directory.CreateDirectory(appRoot);
        var names = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateDirectories(appRoot)
                     .Where(d => File.Exists(Path.Combine(d, FileName)) && !names.Contains(Path.GetFileName(d))))
        {
            Directory.Delete(stale, recursive: true);
        }

        foreach (var function in functions)
        {
            var folder = Path.Combine(appRoot, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, FileName), Serialize(function));
        }
    }

    /// <summary>The function.json bytes of one function.</summary>
    public static byte[] Serialize(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("bindings");
            if (function.QueueName is { } queue)
            {
                json.WriteStartObject();
                json.WriteString("type", "queueTrigger");
                json.WriteString("direction", "in");
                json.WriteString("name", "message");
                json.WriteString("queueName", queue);
                json.WriteString("connection", StorageConnection);
                json.WriteEndObject();
            }
            else
            {
                json.WriteStartObject();
                json.WriteString("type", "httpTrigger");
                json.WriteString("direction", "in");
                json.WriteString("name", "req");
                // Each surface authenticates itself; the host's function keys would break the originals' clients.
                json.WriteString("authLevel", "anonymous");
                json.WriteStartArray("methods");
                foreach (var method in function.Methods)
                {
                    json.WriteStringValue(method);
                }

                json.WriteEndArray();
                json.WriteString("route", function.Route);
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("type", "http");
                json.WriteString("direction", "out");
                json.WriteString("name", "res");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
