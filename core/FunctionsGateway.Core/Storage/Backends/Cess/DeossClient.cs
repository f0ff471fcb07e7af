using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends.Cess;

/// <summary>
/// A client of a DeOSS gateway (CESSProject/DeOSS v0.4.x, spec/cess.md §2.3–§2.4, compat.md §1b): <c>PUT /file</c>
/// (multipart field <c>file</c>), <c>GET /file/download/{fid}</c>, <c>DELETE /file/{fid}</c>. Signed requests carry
/// <c>Account</c> (SS58, prefix 11330), <c>Message</c> (an expiry: Unix seconds <see cref="DeossOptions.MessageLifetime"/>
/// ahead, so a captured request cannot be replayed later) and <c>Signature</c> (sr25519 in the <c>substrate</c>
/// context over the message's bytes, <c>0x</c>-hex), plus <c>Territory</c> on uploads. DeOSS answers HTTP 200 with
/// <c>{code,msg,data}</c>; any other code is a <see cref="DeossException"/>, as is an unreachable DeOSS.
/// </summary>
public sealed class DeossClient(HttpClient http, IOptions<DeossOptions> options, TimeProvider time)
{
    /// <summary>The named <see cref="HttpClient"/> this client uses.</summary>
    public const string HttpClientName = "deoss";

    /// <summary>Sends the content; returns the fid DeOSS computed.</summary>
    public async Task<string> UploadAsync(Stream content, long length, string fileName, string territory, ISubstrateSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = new StreamContent(content, 1024 * 1024);
        file.Headers.ContentLength = length;
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = Signed(HttpMethod.Put, "file", signer);
        request.Headers.Add("Territory", territory);
        request.Content = form;
        var envelope = await SendAsync(request, cancellationToken);
        return envelope.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("fid", out var fid) && fid.GetString() is { } text
            ? text
            : throw new DeossException(envelope.Code, "DeOSS answered the upload without a fid.");
    }

    /// <summary>Deletes the signer's file.</summary>
    public async Task DeleteAsync(string fid, ISubstrateSigner signer, CancellationToken cancellationToken = default)
    {
        using var request = Signed(HttpMethod.Delete, "file/" + Uri.EscapeDataString(fid), signer);
        await SendAsync(request, cancellationToken);
    }

    /// <summary>Opens the file's bytes (optionally one range, cut from the whole stream); null when DeOSS answers "Not found".</summary>
    public async Task<BlobDownload?> DownloadAsync(string fid, BlobRange? range, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address("file/download/" + Uri.EscapeDataString(fid)));
        var response = await TrySendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            if (response.Content.Headers.ContentType?.MediaType == "application/json" || !response.IsSuccessStatusCode)
            {
                var envelope = await ReadEnvelopeAsync(response, cancellationToken);
                if (envelope.Code == 404)
                {
                    response.Dispose();
                    return null;
                }

                throw new DeossException(envelope.Code, $"DeOSS refused the download of {fid}: {envelope.Msg}");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var total = response.Content.Headers.ContentLength ?? -1;
            var properties = new BlobProperties(total, "application/octet-stream", "\"" + fid + "\"", response.Content.Headers.LastModified);
            return range is { } r
                ? new BlobDownload(new ResponseStream(new RangeReadStream(stream, r.Offset, r.Length), response), properties, r)
                : new BlobDownload(new ResponseStream(stream, response), properties, null);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The file name DeOSS accepts (3–63 bytes, spec/cess.md §1.5 <c>NameMinLength</c>/<c>NameStrLimit</c>): the name itself, or <c>file-{fid prefix}{extension}</c>.</summary>
    public static string FileNameFor(string name, string fid)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fid);
        var length = Encoding.UTF8.GetByteCount(name);
        if (length is >= 3 and <= 63)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        return "file-" + fid[..Math.Min(16, fid.Length)] + (Encoding.UTF8.GetByteCount(extension) <= 40 ? extension : "");
    }

    private HttpRequestMessage Signed(HttpMethod method, string path, ISubstrateSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Scheme != SignatureScheme.Sr25519)
        {
            throw new ArgumentException("DeOSS accepts only sr25519 signatures.", nameof(signer));
        }

        var message = (time.GetUtcNow() + options.Value.MessageLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(method, Address(path));
        request.Headers.Add("Account", Ss58Address.Encode(signer.AccountId, Ss58Address.CessPrefix));
        request.Headers.Add("Message", message);
        request.Headers.Add("Signature", "0x" + Convert.ToHexStringLower(signer.Sign(Encoding.UTF8.GetBytes(message))));
        return request;
    }

    private Uri Address(string path) => new(new Uri(options.Value.Endpoint.TrimEnd('/') + "/"), path);

    private async Task<DeossEnvelope> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await TrySendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var envelope = await ReadEnvelopeAsync(response, cancellationToken);
        return envelope.Code == 200
            ? envelope
            : throw new DeossException(envelope.Code, $"DeOSS refused {request.Method} {request.RequestUri!.AbsolutePath}: {envelope.Code} {envelope.Msg}");
    }

    private async Task<HttpResponseMessage> TrySendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            return await http.SendAsync(request, completion, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DeossException(0, $"DeOSS at {options.Value.Endpoint} could not be reached: {e.Message}", e);
        }
    }

    private static async Task<DeossEnvelope> ReadEnvelopeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(text, DeossJsonContext.Default.DeossEnvelope) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new DeossException(0, $"DeOSS answered {(int)response.StatusCode} with something other than its envelope: {text[..Math.Min(text.Length, 200)]}", e);
        }
    }

    /// <summary>A response body that disposes its response with it.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>DeOSS's response envelope (<c>node/response.go</c>).</summary>
internal sealed record DeossEnvelope(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string? Msg,
    [property: JsonPropertyName("data")] JsonElement? Data);

[JsonSerializable(typeof(DeossEnvelope))]
internal sealed partial class DeossJsonContext : JsonSerializerContext;
