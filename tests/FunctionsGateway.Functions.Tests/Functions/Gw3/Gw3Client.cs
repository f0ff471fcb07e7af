using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Gw3;

namespace FunctionsGateway.Functions.Tests.Functions.Gw3;

/// <summary>How a <see cref="Gw3Client"/> authenticates, as the official SDKs do (spec/compat.md §4.1).</summary>
public enum Gw3AuthStyle
{
    /// <summary>Mode A: <c>X-Access-Key</c> + <c>X-Access-Secret</c>.</summary>
    Headers,

    /// <summary>Mode B as the Go SDK signs: <c>ts</c> added, the query key-sorted (<c>url.Values.Encode</c>).</summary>
    SignedSorted,

    /// <summary>Mode B as the JS SDK signs: <c>ts</c> appended, the query in insertion order (<c>URLSearchParams</c>).</summary>
    SignedAsSent,
}

/// <summary>
/// A Gateway3 SDK-style client against the gateway's <c>/gw3</c> prefix: adds <c>ts</c>, signs or sends the secret, and
/// runs the two-step writes (step one's <c>data.url</c>, then the raw body there). The HMAC here is written from the
/// SDKs' formula with .NET's HMACSHA256, independently of <see cref="Gw3RequestSignature"/>.
/// </summary>
public sealed class Gw3Client(HttpClient http, string accessKey, string accessSecret, Gw3AuthStyle style, TimeProvider? time = null)
{
    public HttpClient Http => http;

    /// <summary>Sends a request with auth; <paramref name="ts"/> overrides the timestamp (null: now).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, IEnumerable<(string Key, string Value)>? query = null, HttpContent? body = null, long? ts = null) =>
        http.SendAsync(Build(method, path, query, body, ts));

    /// <summary>The request <see cref="SendAsync"/> would send, for tests that then break it.</summary>
    public HttpRequestMessage Build(HttpMethod method, string path, IEnumerable<(string Key, string Value)>? query = null, HttpContent? body = null, long? ts = null)
    {
        var stamp = (ts ?? (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var pairs = (query ?? []).Append((Key: "ts", Value: stamp)).ToList();
        var queryText = style == Gw3AuthStyle.SignedAsSent
            ? string.Join('&', pairs.Select(p => FormEncode(p.Key) + "=" + FormEncode(p.Value)))
            : string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => GoQueryEscape(p.Key) + "=" + GoQueryEscape(p.Value)));
        var request = new HttpRequestMessage(method, path + "?" + queryText) { Content = body };
        request.Headers.Add("X-Access-Key", accessKey);
        if (style == Gw3AuthStyle.Headers)
        {
            request.Headers.Add("X-Access-Secret", accessSecret);
        }
        else
        {
            request.Headers.Add("X-Access-Signature", Signature(accessSecret, method.Method, path, queryText));
        }

        return request;
    }

    /// <summary>The SDKs' signature: URL-safe base64 (padded) of HMAC-SHA256 keyed with the decoded secret.</summary>
    public static string Signature(string secret, string method, string path, string query)
    {
        var key = Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/'));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(method.ToUpperInvariant() + "\n" + path + "\n" + query));
        return Convert.ToBase64String(mac).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Two-step upload: <c>POST /gw3/ipfs/?size=</c>, then the raw body to <c>data.url</c>; returns the <c>ipfs-hash</c>.</summary>
    public async Task<string> UploadAsync(byte[] bytes)
    {
        var url = await BeginAsync(HttpMethod.Post, "/gw3/ipfs/", [("size", bytes.Length.ToString(CultureInfo.InvariantCulture))]);
        using var posted = await http.PostAsync(url, new ByteArrayContent(bytes));
        return await ReadHashAsync(posted);
    }

    /// <summary>Step one of a two-step write: asserts the envelope and returns <c>data.url</c>.</summary>
    public async Task<string> BeginAsync(HttpMethod method, string path, IEnumerable<(string Key, string Value)>? query = null)
    {
        using var response = await SendAsync(method, path, query);
        var envelope = await ReadOkAsync(response);
        return envelope.GetProperty("data").GetProperty("url").GetString()!;
    }

    /// <summary>Asserts 200 and <c>{"code":200,"msg":"ok"}</c>; returns the envelope.</summary>
    public static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        var envelope = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(200, envelope.GetProperty("code").GetInt32());
        Assert.Equal("ok", envelope.GetProperty("msg").GetString());
        return envelope;
    }

    /// <summary>Asserts an error envelope with <paramref name="status"/> as both status and code; returns <c>msg</c>.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        var envelope = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, envelope.GetProperty("code").GetInt32());
        return envelope.GetProperty("msg").GetString()!;
    }

    /// <summary>Asserts success and returns the <c>ipfs-hash</c> header.</summary>
    public static async Task<string> ReadHashAsync(HttpResponseMessage response)
    {
        await ReadOkAsync(response);
        return response.Headers.GetValues("ipfs-hash").Single();
    }

    /// <summary>Issues an access key for a new identity through the operator API.</summary>
    public static async Task<(string IdentityId, string CredentialId, string AccessKey, string AccessSecret)> IssueAsync(GatewayApplication app, string name = "gw3 user")
    {
        ArgumentNullException.ThrowIfNull(app);
        using var ops = app.CreateOperatorClient();
        var identity = await GatewayApplication.ReadJsonAsync(await ops.PostAsJsonAsync("/ops/identities", new { name }));
        var id = identity.GetProperty("id").GetString()!;
        using var issued = await ops.PostAsync($"/ops/identities/{id}/gw3-keys", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, issued.StatusCode);
        var key = await GatewayApplication.ReadJsonAsync(issued);
        return (id, key.GetProperty("id").GetString()!, key.GetProperty("accessKey").GetString()!, key.GetProperty("accessSecret").GetString()!);
    }

    // Go's url.QueryEscape.
    private static string GoQueryEscape(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b => (char)b switch
        {
            var c when char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' => c.ToString(),
            ' ' => "+",
            _ => "%" + b.ToString("X2", CultureInfo.InvariantCulture),
        }));

    // URLSearchParams' application/x-www-form-urlencoded serializer: `*-._` kept, space as '+'.
    private static string FormEncode(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b => (char)b switch
        {
            var c when char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_' => c.ToString(),
            ' ' => "+",
            _ => "%" + b.ToString("X2", CultureInfo.InvariantCulture),
        }));
}
