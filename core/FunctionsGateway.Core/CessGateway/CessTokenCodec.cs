using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// CESS-Gateway tokens byte for byte (compat.md §1.3): Go <c>json.Marshal</c> of <see cref="CessToken"/> (fields in
/// order, no spaces, <c>&lt; &gt; &amp;</c> as <c>\u003c \u003e \u0026</c>), RSA PKCS#1 v1.5 encryption with the
/// gateway's public key, Base58 (Bitcoin alphabet). Decoding reverses it with the private key and reads the JSON as
/// Go's <c>json.Unmarshal</c> would (keys case-insensitive, unknown keys ignored). Pure apart from the randomness
/// of the RSA padding.
/// </summary>
public static class CessTokenCodec
{
    /// <summary>The plaintext JSON exactly as Go writes it.</summary>
    public static byte[] Serialize(CessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"userId\":{token.UserId},\"createUserTime\":{token.CreateUserTime},\"createTokenTime\":{token.CreateTokenTime},\"expirationTime\":{token.ExpirationTime},\"mailbox\":");
        AppendGoString(json, token.Mailbox);
        json.Append(",\"randomCode\":");
        AppendGoString(json, token.RandomCode);
        json.Append('}');
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>The token text: Base58 of the RSA PKCS#1 v1.5 encryption of <see cref="Serialize"/>.</summary>
    /// <exception cref="CryptographicException">The plaintext is too long for the key (over 245 bytes with RSA-2048: a very long mailbox).</exception>
    public static string Encode(CessToken token, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cipher = key.Encrypt(Serialize(token), RSAEncryptionPadding.Pkcs1);
        var text = new char[Base58Btc.GetMaxEncodedLength(cipher.Length)];
        return new string(text, 0, Base58Btc.Encode(cipher, text));
    }

    /// <summary>The token inside <paramref name="text"/>, or null when it is not Base58, does not decrypt, or is not the token's JSON.</summary>
    public static CessToken? TryDecode(string? text, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return null;
        }

        var bytes = new byte[Base58Btc.GetMaxDecodedLength(text.Length)];
        if (Base58Btc.TryDecode(text, bytes, out var length) is not null || length != key.KeySize / 8)
        {
            return null;
        }

        byte[] plain;
        try
        {
            plain = key.Decrypt(bytes.AsSpan(0, length).ToArray(), RSAEncryptionPadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return null;
        }

        try
        {
            var fields = JsonSerializer.Deserialize(plain, CessTokenJsonContext.Default.CessTokenFields);
            return fields is null ? null : new CessToken(fields.UserId, fields.CreateUserTime, fields.CreateTokenTime, fields.ExpirationTime, fields.Mailbox ?? "", fields.RandomCode ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Go's encoding/json string escaping (encode.go appendString with escapeHTML): '"' and '\\' escaped, \n \r \t
    // by name, other control characters and < > & U+2028 U+2029 as \u00xx with lowercase hex.
    private static void AppendGoString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}

/// <summary>The token's JSON as read back (Go fills missing fields with zero values).</summary>
internal sealed record CessTokenFields(
    [property: JsonPropertyName("userId")] long UserId,
    [property: JsonPropertyName("createUserTime")] long CreateUserTime,
    [property: JsonPropertyName("createTokenTime")] long CreateTokenTime,
    [property: JsonPropertyName("expirationTime")] long ExpirationTime,
    [property: JsonPropertyName("mailbox")] string? Mailbox,
    [property: JsonPropertyName("randomCode")] string? RandomCode);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CessTokenFields))]
internal sealed partial class CessTokenJsonContext : JsonSerializerContext;
