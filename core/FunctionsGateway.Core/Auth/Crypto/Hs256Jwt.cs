using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Compact JSON Web Tokens signed with HMAC-SHA-256 (RFC 7519, RFC 7515 §3.1, RFC 7518 §3.2), and only that:
/// the header is always <c>{"alg":"HS256","typ":"JWT"}</c> and <see cref="TryVerify"/> refuses every other
/// <c>alg</c> — <c>none</c>, RS256 with the key as a "public key", HS384/HS512 — before it looks at the
/// signature (RFC 8725 §3.1). The claims are the caller's bytes: this type neither writes nor judges them.
/// Pure: no clock, no I/O.
/// </summary>
public static class Hs256Jwt
{
    /// <summary>The only algorithm written and accepted.</summary>
    public const string Algorithm = "HS256";

    /// <summary>The encoded header, <c>{"alg":"HS256","typ":"JWT"}</c> in base64url (what jwt-go and every library write).</summary>
    public const string EncodedHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    /// <summary>Signs UTF-8 JSON claims: <c>header.payload.signature</c>, each part base64url without padding.</summary>
    public static string Sign(ReadOnlySpan<byte> claimsJson, ReadOnlySpan<byte> key)
    {
        var payloadLength = Base64Url.GetEncodedLength(claimsJson.Length);
        var signingInputLength = EncodedHeader.Length + 1 + payloadLength;
        var signatureLength = Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes);
        var token = new byte[signingInputLength + 1 + signatureLength];
        for (var i = 0; i < EncodedHeader.Length; i++)
        {
            token[i] = (byte)EncodedHeader[i];
        }

        token[EncodedHeader.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(claimsJson, token.AsSpan(EncodedHeader.Length + 1));
        token[signingInputLength] = (byte)'.';
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, token.AsSpan(0, signingInputLength), mac);
        Base64Url.EncodeToUtf8(mac, token.AsSpan(signingInputLength + 1));
        return System.Text.Encoding.ASCII.GetString(token);
    }

    /// <summary>
    /// Checks the structure, the pinned algorithm and the MAC (in constant time); on success returns the claims'
    /// JSON bytes. Claims are not interpreted: expiry, audience and the like are the caller's to check.
    /// </summary>
    public static JwtStatus TryVerify(string? token, ReadOnlySpan<byte> key, out byte[] claimsJson)
    {
        claimsJson = [];
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024)
        {
            return JwtStatus.Malformed;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            return JwtStatus.Malformed;
        }

        var ascii = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] > 0x7f)
            {
                return JwtStatus.Malformed;
            }

            ascii[i] = (byte)token[i];
        }

        if (!TryDecode(ascii.AsSpan(0, firstDot), out var header) || !HasPinnedAlgorithm(header))
        {
            return JwtStatus.WrongAlgorithm;
        }

        if (!TryDecode(ascii.AsSpan(firstDot + 1, secondDot - firstDot - 1), out var payload)
            || !TryDecode(ascii.AsSpan(secondDot + 1), out var signature))
        {
            return JwtStatus.Malformed;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, ascii.AsSpan(0, secondDot), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return JwtStatus.BadSignature;
        }

        claimsJson = payload;
        return JwtStatus.Valid;
    }

    private static bool TryDecode(ReadOnlySpan<byte> base64Url, out byte[] bytes)
    {
        bytes = [];
        if (base64Url.IsEmpty || !Base64Url.IsValid(base64Url))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(base64Url.Length)];
        if (Base64Url.DecodeFromUtf8(base64Url, buffer, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    private static bool HasPinnedAlgorithm(byte[] headerJson)
    {
        try
        {
            using var header = JsonDocument.Parse(headerJson);
            return header.RootElement.ValueKind == JsonValueKind.Object
                && header.RootElement.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String
                && alg.ValueEquals(Algorithm)
                && !header.RootElement.TryGetProperty("crit", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>The outcome of <see cref="Hs256Jwt.TryVerify"/>.</summary>
public enum JwtStatus
{
    /// <summary>Well formed, HS256, and the MAC matches the key.</summary>
    Valid,

    /// <summary>Not three base64url parts, or a part that does not decode.</summary>
    Malformed,

    /// <summary>The header is not JSON or names another algorithm than HS256 (or critical extensions).</summary>
    WrongAlgorithm,

    /// <summary>The MAC does not match.</summary>
    BadSignature,
}
