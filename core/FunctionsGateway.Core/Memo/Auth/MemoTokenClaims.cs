using System.Buffers;
using System.Text.Json;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// The claims of MEMO's JWTs as the SIWE era wrote them (compat §2.2, the seed's sample tokens), in this order:
/// <c>{"type":1|2,"isRegistered":true?,"aud":D,"exp":…,"iat":…,"iss":D,"sub":"0x&lt;EIP-55&gt;"}</c>;
/// <c>isRegistered</c> only when true (omitempty). Pure.
/// </summary>
public sealed record MemoTokenClaims(int Type, bool IsRegistered, string Audience, long ExpiresAt, long IssuedAt, string Issuer, string Subject)
{
    /// <summary><c>type</c> of an access token.</summary>
    public const int AccessType = 1;

    /// <summary><c>type</c> of a refresh token.</summary>
    public const int RefreshType = 2;

    /// <summary><c>nbf</c>, which the gateway never writes but honours when a token carries it.</summary>
    public long? NotBefore { get; init; }

    /// <summary>The claims' JSON bytes, keys in the original's order.</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("type", Type);
            if (IsRegistered)
            {
                json.WriteBoolean("isRegistered", true);
            }

            json.WriteString("aud", Audience);
            json.WriteNumber("exp", ExpiresAt);
            json.WriteNumber("iat", IssuedAt);
            json.WriteString("iss", Issuer);
            if (NotBefore is { } nbf)
            {
                json.WriteNumber("nbf", nbf);
            }

            json.WriteString("sub", Subject);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads claims; false when the JSON is not an object with the types jwt-go v3 would accept.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemoTokenClaims? claims)
    {
        claims = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            int type = 0;
            bool registered = false;
            string? audience = null, issuer = null, subject = null;
            long? expiresAt = null, issuedAt = null, notBefore = null;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                var ok = property.Name switch
                {
                    "type" => value.TryGetInt32(out type),
                    "isRegistered" => TryBoolean(value, out registered),
                    "aud" => TryString(value, out audience),
                    "iss" => TryString(value, out issuer),
                    "sub" => TryString(value, out subject),
                    "exp" => TryTime(value, out expiresAt),
                    "iat" => TryTime(value, out issuedAt),
                    "nbf" => TryTime(value, out notBefore),
                    _ => true,
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (expiresAt is null || issuedAt is null)
            {
                return false;
            }

            claims = new MemoTokenClaims(type, registered, audience ?? "", expiresAt.Value, issuedAt.Value, issuer ?? "", subject ?? "") { NotBefore = notBefore };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryBoolean(JsonElement value, out bool result)
    {
        result = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    private static bool TryString(JsonElement value, out string? result)
    {
        result = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return result is not null;
    }

    private static bool TryTime(JsonElement value, out long? result)
    {
        // NumericDate (RFC 7519 §2) may carry a fraction; jwt-go reads it as a number too.
        result = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && double.IsFinite(seconds)
            && seconds is > -1e15 and < 1e15 ? (long)Math.Floor(seconds) : null;
        return result is not null;
    }
}
