using System.Net.Http.Headers;
using System.Text.Json;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary>
/// Requests shaped as Kubo's CLI sends them (multipart parts named <c>file</c>, the path URL-escaped in
/// <c>filename</c>, <c>application/octet-stream</c>; directories as <c>application/x-directory</c> parts) and readers
/// for its answers (NDJSON lines, the <c>{"Message","Code","Type"}</c> error body).
/// </summary>
internal static class KuboRpc
{
    /// <summary>A multipart body with one part per file, in order.</summary>
    public static MultipartFormDataContent Files(params (string Path, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (path, bytes) in files)
        {
            form.Add(Part(path, new ByteArrayContent(bytes), "application/octet-stream"));
        }

        return form;
    }

    /// <summary>A part as Kubo's CLI writes it: <c>Content-Disposition: form-data; name="file"; filename="dir%2Fa.txt"</c>.</summary>
    public static HttpContent Part(string path, HttpContent content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{Uri.EscapeDataString(path)}\"");
        return content;
    }

    /// <summary>A directory part.</summary>
    public static HttpContent Directory(string path) => Part(path, new ByteArrayContent([]), "application/x-directory");

    /// <summary>POSTs to an RPC command and returns the answer.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string command, HttpContent? body = null) =>
        client.PostAsync("/api/v0/" + command, body);

    /// <summary>The answer's NDJSON lines, asserting 200.</summary>
    public static async Task<List<JsonElement>> ReadLinesAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>Asserts Kubo's error body with <paramref name="status"/> and returns its message.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal("error", error.GetProperty("Type").GetString());
        Assert.Equal(0, error.GetProperty("Code").GetInt32());
        return error.GetProperty("Message").GetString()!;
    }

    /// <summary>Adds files and returns the answer's lines.</summary>
    public static async Task<List<JsonElement>> AddAsync(HttpClient client, string query, params (string Path, byte[] Bytes)[] files)
    {
        using var form = Files(files);
        using var response = await PostAsync(client, "add" + (query.Length > 0 ? "?" + query : ""), form);
        return await ReadLinesAsync(response);
    }

    /// <summary>Adds files and waits until the push has stored every root the answer names; returns the hashes in answer order.</summary>
    public static async Task<List<string>> AddPublishedAsync(GatewayApplication app, HttpClient client, string query, params (string Path, byte[] Bytes)[] files)
    {
        var hashes = (await AddAsync(client, query, files)).Select(l => l.GetProperty("Hash").GetString()!).ToList();
        foreach (var hash in hashes)
        {
            await WaitForBlockAsync(app, hash);
        }

        return hashes;
    }

    /// <summary>Waits (at most 20 s) until the push has put <paramref name="cid"/>'s root block in the blockstore.</summary>
    public static async Task WaitForBlockAsync(GatewayApplication app, string cid)
    {
        ArgumentNullException.ThrowIfNull(app);
        var blocks = app.Services.GetRequiredService<BlobBlockStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await blocks.HasAsync(Cid.Parse(cid)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{cid} did not reach the blockstore");
            await Task.Delay(100);
        }
    }
}
