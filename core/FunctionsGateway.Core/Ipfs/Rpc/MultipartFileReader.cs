using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// Streams the parts of a Kubo RPC <c>multipart/form-data</c> body one at a time (https://docs.ipfs.tech/reference/kubo/rpc/,
/// "Request Body"), never buffering a part: each part's body is read straight from the request. A malformed body
/// raises <see cref="RpcRequestException"/>.
/// </summary>
internal sealed class MultipartFileReader
{
    private readonly MultipartReader _reader;

    private MultipartFileReader(string boundary, Stream body) => _reader = new MultipartReader(boundary, body);

    /// <summary>A reader for a request with this <c>Content-Type</c>; false when it is not multipart with a boundary.</summary>
    public static bool TryCreate(string? contentType, Stream body, [NotNullWhen(true)] out MultipartFileReader? reader)
    {
        reader = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || media.MediaType.Value?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return false;
        }

        reader = new MultipartFileReader(boundary, body);
        return true;
    }

    /// <summary>A reader for the request's body.</summary>
    /// <exception cref="RpcRequestException">The body is not multipart: Kubo's <c>file argument "path" is required</c>.</exception>
    public static MultipartFileReader Create(string? contentType, Stream body) =>
        TryCreate(contentType, body, out var reader)
            ? reader
            : throw new RpcRequestException("file argument \"path\" is required (send the files as multipart/form-data)");

    /// <summary>The next part, or null after the last. Reading it skips whatever is left of the previous part.</summary>
    public async Task<MultipartFilePart?> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        MultipartSection? section;
        try
        {
            section = await _reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new RpcRequestException($"malformed multipart body: {e.Message}", e);
        }

        if (section is null)
        {
            return null;
        }

        var name = "";
        if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
        {
            var star = disposition.FileNameStar.Value;
            name = !string.IsNullOrEmpty(star) ? star : HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
        }

        // Kubo's clients escape the path in the filename (go-ipfs-files: url.QueryUnescape on the way in).
        var path = Unescape(name);
        var isDirectory = string.Equals(section.ContentType, MultipartFilePart.DirectoryContentType, StringComparison.OrdinalIgnoreCase);
        return new MultipartFilePart(path, section.ContentType, isDirectory, new MalformedBodyGuard(section.Body));
    }

    private static string Unescape(string name)
    {
        try
        {
            return WebUtility.UrlDecode(name);
        }
        catch (FormatException)
        {
            return name;
        }
    }

    // A part whose body breaks off mid-way is the client's fault: say so as a 400, not a 500.
    private sealed class MalformedBodyGuard(Stream inner) : Uploads.ForwardOnlyReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RpcRequestException($"malformed multipart body: {e.Message}", e);
            }
        }
    }
}
