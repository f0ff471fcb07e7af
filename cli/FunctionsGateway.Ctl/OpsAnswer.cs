using System.Net;
using System.Text.Json;

namespace FunctionsGateway.Ctl;

/// <summary>The gateway's answer to one operator call: the status and the body, parsed when it is JSON.</summary>
internal sealed record OpsAnswer(HttpStatusCode Status, JsonElement? Json, string Text)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The gateway's error envelope <c>{"error":{"code","message"}}</c>, or the status and raw text when the body is not one.</summary>
    public (string Code, string Message) Error
    {
        get
        {
            if (Json is { ValueKind: JsonValueKind.Object } body &&
                body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object &&
                error.TryGetProperty("code", out var code) && error.TryGetProperty("message", out var message))
            {
                return (code.GetString() ?? "", message.GetString() ?? "");
            }

            return (((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture), Text.Length == 0 ? Status.ToString() : Text);
        }
    }

    public static async Task<OpsAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } type && type.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Printed as text.
            }
        }

        return new OpsAnswer(response.StatusCode, json, text);
    }
}
