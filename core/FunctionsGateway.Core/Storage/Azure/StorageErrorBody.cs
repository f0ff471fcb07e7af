using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// Reads the error code and message from a failed response's body: XML <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>
/// for Blob and Queue (https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2), JSON
/// <c>{"odata.error":{"code","message":{"value"}}}</c> for Table
/// (https://learn.microsoft.com/rest/api/storageservices/table-service-error-codes). Pure.
/// </summary>
internal static class StorageErrorBody
{
    /// <summary>The code and message, each null when the body does not say.</summary>
    public static (string? Code, string? Message) Parse(string body)
    {
        // A byte order mark survives when the body was decoded without detecting it.
        var text = body.TrimStart().TrimStart('\uFEFF');
        if (text.StartsWith('{'))
        {
            return ParseJson(text);
        }

        return text.StartsWith('<') ? ParseXml(text) : (null, null);
    }

    private static (string? Code, string? Message) ParseJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("odata.error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) ? m.ValueKind switch
            {
                JsonValueKind.String => m.GetString(),
                JsonValueKind.Object when m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
                _ => null,
            } : null;
            return (code, message);
        }
        catch (JsonException)
        {
            // Not the service's error document (e.g. a proxy's page): the status alone must do.
            return (null, null);
        }
    }

    private static (string? Code, string? Message) ParseXml(string body)
    {
        try
        {
            var root = XDocument.Parse(body).Root;
            return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
        }
        catch (XmlException)
        {
            // Not the service's error document: the status alone must do.
            return (null, null);
        }
    }
}
