using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FunctionsGateway.Core.Gw3;

/// <summary>
/// Gateway3's request signature (spec/compat.md §4.1): <c>base64url(HMAC-SHA256(key = decoded secret,
/// UPPER(method) + "\n" + path + "\n" + query))</c>, URL-safe alphabet with <c>=</c> padding (44 characters).
/// Pure: no I/O, no clock. The server accepts a signature over the query either in the key-sorted encoding of Go's
/// <c>url.Values.Encode</c> (the docs and the Go SDK) or exactly as sent (the JS and Python SDKs keep insertion order).
/// </summary>
public static class Gw3RequestSignature
{
    /// <summary>Bytes of an HMAC-SHA256 and so of a valid signature.</summary>
    public const int SignatureBytes = 32;

    /// <summary>The string the client signs.</summary>
    public static string StringToSign(string method, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        return method.ToUpperInvariant() + "\n" + path + "\n" + query;
    }

    /// <summary>The signature as the SDKs send it: URL-safe base64 with padding.</summary>
    public static string Sign(ReadOnlySpan<byte> key, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        Span<byte> mac = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign), mac);
        return ToBase64Url(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> (its decoded bytes) is the HMAC of the request under either query form.
    /// Both candidates are always computed and compared in constant time.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> signature, string method, string path, string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var raw = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        Span<byte> sorted = stackalloc byte[SignatureBytes];
        Span<byte> asSent = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(method, path, CanonicalQuery(raw))), sorted);
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(method, path, raw)), asSent);
        var matchesSorted = CryptographicOperations.FixedTimeEquals(sorted, signature);
        var matchesAsSent = CryptographicOperations.FixedTimeEquals(asSent, signature);
        return matchesSorted | matchesAsSent;
    }

    /// <summary>
    /// Go's <c>url.Values.Encode</c> of the parsed query: pairs sorted by key (byte order, values of one key in their
    /// order), each key and value escaped as <c>url.QueryEscape</c> escapes them, joined by <c>&amp;</c>.
    /// </summary>
    public static string CanonicalQuery(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(eq < 0 ? (FormDecode(part), "") : (FormDecode(part[..eq]), FormDecode(part[(eq + 1)..])));
        }

        // OrderBy is stable: the values of one key keep their order, as in url.Values.
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => QueryEscape(p.Key) + "=" + QueryEscape(p.Value)));
    }

    /// <summary>Go's <c>url.QueryEscape</c>: unreserved characters kept, space as <c>+</c>, the rest <c>%XX</c> of UTF-8 in upper-case hex.</summary>
    public static string QueryEscape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes an access secret or a signature: the URL-safe alphabet (what the SDKs send) or the standard one (the old JS
    /// SDK), padding optional. False for anything else.
    /// </summary>
    public static bool TryDecodeBase64(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text) || text.Length > 1024)
        {
            return false;
        }

        var unpadded = text.TrimEnd('=');
        if (text.Length - unpadded.Length > 2 || unpadded.Contains('='))
        {
            return false;
        }

        var urlSafe = unpadded.Replace('+', '-').Replace('/', '_');
        if (!Base64Url.IsValid(urlSafe, out var length))
        {
            return false;
        }

        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(urlSafe, bytes, out var written) && written == length;
    }

    /// <summary>URL-safe base64 with <c>=</c> padding, as Go's <c>base64.URLEncoding</c> writes it.</summary>
    public static string ToBase64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
