using System.Globalization;
using System.Net.Http.Headers;

namespace FunctionsGateway.Functions.Tests.Functions.Uploads;

/// <summary>tus 1.0.0 requests as a tus client sends them (https://tus.io/protocols/resumable-upload).</summary>
internal static class TusRequests
{
    public const string Endpoint = "/uploads/tus/";

    public static HttpRequestMessage Create(long length, string? metadata = null)
    {
        var request = New(HttpMethod.Post, Endpoint);
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        if (metadata is not null)
        {
            request.Headers.Add("Upload-Metadata", metadata);
        }

        return request;
    }

    public static HttpRequestMessage Head(string location) => New(HttpMethod.Head, location);

    public static HttpRequestMessage Delete(string location) => New(HttpMethod.Delete, location);

    public static HttpRequestMessage Patch(string location, long offset, byte[] body, string contentType = "application/offset+octet-stream") =>
        Patch(location, offset, new ByteArrayContent(body), contentType);

    public static HttpRequestMessage Patch(string location, long offset, HttpContent body, string contentType = "application/offset+octet-stream")
    {
        var request = New(HttpMethod.Patch, location);
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Content = body;
        return request;
    }

    /// <summary><c>Upload-Metadata</c>: each value base64, pairs comma-separated.</summary>
    public static string Metadata(params (string Key, string Value)[] pairs) =>
        string.Join(',', pairs.Select(p => p.Key + " " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(p.Value))));

    /// <summary>Creates an upload and returns its Location.</summary>
    public static async Task<string> CreateAsync(HttpClient client, long length, string? metadata = null)
    {
        using var response = await client.SendAsync(Create(length, metadata));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>HEAD's Upload-Offset.</summary>
    public static async Task<long> OffsetAsync(HttpClient client, string location)
    {
        using var response = await client.SendAsync(Head(location));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");

    private static HttpRequestMessage New(HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }
}
