using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FunctionsGateway.Core.Memo;

/// <summary>
/// A MEMO request's JSON object, read leniently as gin's bind does: a missing body, malformed JSON or a field of
/// the wrong JSON type reads as absent, so that each route answers its own "missing parameter" message.
/// </summary>
internal sealed class MemoJsonBody
{
    private const int MaxBytes = 64 * 1024;

    private readonly JsonElement _root;

    private MemoJsonBody(JsonElement root) => _root = root;

    /// <summary>True when the body was a JSON object.</summary>
    public bool IsObject => _root.ValueKind == JsonValueKind.Object;

    /// <summary>True when the body is the DID era's login (<c>did</c>, <c>token</c> or <c>timestamp</c> present).</summary>
    public bool IsDidLogin => Has("did") || Has("token") || Has("timestamp");

    /// <summary>Reads the whole body (at most 64 KiB are considered).</summary>
    public static async Task<MemoJsonBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length is > 0 and <= MaxBytes)
        {
            try
            {
                using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return new MemoJsonBody(document.RootElement.Clone());
                }
            }
            catch (JsonException)
            {
                // Not JSON: every field is absent.
            }
        }

        return new MemoJsonBody(default);
    }

    /// <summary>A string field, or null.</summary>
    public string? String(string name) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer field, or null.</summary>
    public long? Int64(string name) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private bool Has(string name) => TryGet(name, out _);

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return IsObject && _root.TryGetProperty(name, out value);
    }
}
