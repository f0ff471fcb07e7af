using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// <see cref="IBlobStorage"/> over the Blob service REST API
/// (https://learn.microsoft.com/rest/api/storageservices/blob-service-rest-api) on an Azure.Core pipeline:
/// Shared Key or Entra ID authorization, retries per <see cref="AzureStorageOptions"/>. An immutable singleton.
/// </summary>
public sealed class BlobStorageClient : IBlobStorage
{
    /// <summary>The REST version sent as <c>x-ms-version</c> and as the SAS <c>sv</c>.</summary>
    public const string ApiVersion = "2025-01-05";

    private const string DefaultContentType = "application/octet-stream";

    private readonly StorageRestPipeline _pipeline;
    private readonly StorageSharedKey? _sharedKey;

    /// <summary>A client for the Blob endpoint of <paramref name="settings"/>.</summary>
    public BlobStorageClient(StorageConnectionSettings settings, AzureStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = StorageRestPipeline.Create(StorageService.Blob, settings, options, timeProvider ?? TimeProvider.System, ApiVersion);
        _sharedKey = settings.SharedKey;
    }

    /// <inheritdoc />
    public bool CanCreateSas => _sharedKey is not null;

    /// <summary>List Blobs' <c>maxresults</c>; null leaves the service default (5,000). A knob for tests.</summary>
    internal int? ListPageSize { get; init; }

    /// <inheritdoc />
    public async Task CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, ContainerPath(container) + "?restype=container");
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 409 && StorageResponseHeaders.ErrorCode(response) == "ContainerAlreadyExists")
        {
            return;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task StageBlockAsync(string container, string blob, string blockId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blockId);
        using var message = _pipeline.CreateMessage(
            RequestMethod.Put,
            BlobPath(container, blob) + "?comp=block&blockid=" + Uri.EscapeDataString(blockId));
        message.Request.Content = RequestContent.Create(content);
        await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BlobProperties> CommitBlockListAsync(string container, string blob, IReadOnlyList<string> blockIds, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockIds);
        using (var message = _pipeline.CreateMessage(RequestMethod.Put, BlobPath(container, blob) + "?comp=blocklist"))
        {
            message.Request.Headers.Add("Content-Type", "application/xml; charset=utf-8");
            AddBlobHttpHeaders(message.Request, headers);
            message.Request.Content = RequestContent.Create(BlobServiceXml.WriteBlockList(blockIds));
            await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
        }

        // Put Block List does not say how long the blob now is; Get Blob Properties does.
        return await GetPropertiesAsync(container, blob, cancellationToken)
               ?? throw new AzureStorageException(404, "BlobNotFound", $"Blob {container}/{blob} was deleted right after its block list was committed.");
    }

    /// <inheritdoc />
    /// <remarks>Without a content type the service stores <c>application/octet-stream</c>, which is what the
    /// returned properties say.</remarks>
    public async Task<BlobProperties> UploadAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default) =>
        await PutBlobAsync(container, blob, content, headers, ifAbsent: false, cancellationToken)
        ?? throw new InvalidOperationException("An unconditional Put Blob cannot find the blob present.");

    /// <inheritdoc />
    public Task<BlobProperties?> UploadIfAbsentAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default) =>
        PutBlobAsync(container, blob, content, headers, ifAbsent: true, cancellationToken);

    private async Task<BlobProperties?> PutBlobAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers, bool ifAbsent, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobPath(container, blob));
        message.Request.Headers.Add("x-ms-blob-type", "BlockBlob");
        if (ifAbsent)
        {
            message.Request.Headers.Add("If-None-Match", "*");
        }

        AddBlobHttpHeaders(message.Request, headers);
        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (ifAbsent && response.Status == 409)
        {
            return null; // BlobAlreadyExists: another writer created it first.
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        return new BlobProperties(content.Length, headers?.ContentType ?? DefaultContentType, StorageResponseHeaders.ETag(response), StorageResponseHeaders.LastModified(response));
    }

    /// <inheritdoc />
    public async Task<BlobDownload?> DownloadAsync(string container, string blob, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, BlobPath(container, blob));
        message.BufferResponse = false;
        if (range is { } r)
        {
            message.Request.Headers.Add("x-ms-range", FormatRange(r));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        BlobRange? contentRange = null;
        var length = StorageResponseHeaders.ContentLength(response);
        if (response.Status == 206 && response.Headers.TryGetValue("Content-Range", out var header))
        {
            try
            {
                (contentRange, length) = ParseContentRange(header);
            }
            catch (FormatException e)
            {
                throw new AzureStorageException(response.Status, null, $"Get Blob {container}/{blob}: {e.Message}", e);
            }
        }

        var content = message.ExtractResponseContent() ?? Stream.Null;
        return new BlobDownload(content, Properties(response, length), contentRange);
    }

    /// <inheritdoc />
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blob, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, BlobPath(container, blob));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        return Properties(response, StorageResponseHeaders.ContentLength(response));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string container, string blob, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, BlobPath(container, blob));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return false;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>A container that does not exist lists as empty.</remarks>
    public async IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var query = "?restype=container&comp=list";
            if (!string.IsNullOrEmpty(prefix))
            {
                query += "&prefix=" + Uri.EscapeDataString(prefix);
            }

            if (marker is not null)
            {
                query += "&marker=" + Uri.EscapeDataString(marker);
            }

            if (ListPageSize is { } pageSize)
            {
                query += "&maxresults=" + pageSize.ToString(CultureInfo.InvariantCulture);
            }

            IReadOnlyList<BlobItem> items;
            using (var message = _pipeline.CreateMessage(RequestMethod.Get, ContainerPath(container) + query))
            {
                var response = await _pipeline.SendAsync(message, cancellationToken);
                if (response.Status == 404)
                {
                    yield break;
                }

                await _pipeline.EnsureSuccessAsync(message, cancellationToken);
                (items, marker) = StorageRestPipeline.ParseBody(message, BlobServiceXml.ParseListing);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
        while (marker is not null);
    }

    /// <inheritdoc />
    public Uri CreateSasUri(string container, string blob, BlobSasPermissions permissions, DateTimeOffset expiresOn)
    {
        var key = _sharedKey ?? throw new InvalidOperationException("A SAS needs the account key; this client authorizes with Entra ID.");
        var query = BlobServiceSas.CreateQuery(key, container, blob, permissions, expiresOn, allowHttp: _pipeline.Endpoint.Scheme == Uri.UriSchemeHttp, ApiVersion);
        return _pipeline.CreateUri(BlobPath(container, blob) + "?" + query);
    }

    /// <inheritdoc />
    /// <remarks>List Containers with one result: allowed to data-plane roles, unlike Get Blob Service Properties.</remarks>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, "?comp=list&maxresults=1");
        await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
    }

    /// <summary><c>bytes=a-b</c>, or <c>bytes=a-</c> to the end.</summary>
    internal static string FormatRange(BlobRange range)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(range.Offset, nameof(range));
        if (range.Length is not { } length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"bytes={range.Offset}-");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length, nameof(range));
        return string.Create(CultureInfo.InvariantCulture, $"bytes={range.Offset}-{range.Offset + length - 1}");
    }

    /// <summary>Parses <c>Content-Range: bytes a-b/total</c> into the returned range and the blob's whole length.</summary>
    internal static (BlobRange Range, long TotalLength) ParseContentRange(string value)
    {
        // bytes 0-99/1234
        var text = value.AsSpan().Trim();
        if (text.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..].TrimStart();
        }

        var dash = text.IndexOf('-');
        var slash = text.IndexOf('/');
        if (dash <= 0 || slash <= dash
            || !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(text[(dash + 1)..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || !long.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            throw new FormatException($"Unexpected Content-Range '{value}'.");
        }

        return (new BlobRange(start, end - start + 1), total);
    }

    /// <summary>The escaped path of a blob: each <c>/</c>-separated segment percent-encoded, the slashes kept.</summary>
    internal static string BlobPath(string container, string blob)
    {
        ArgumentException.ThrowIfNullOrEmpty(blob);
        return ContainerPath(container) + "/" + string.Join('/', blob.Split('/').Select(Uri.EscapeDataString));
    }

    private static string ContainerPath(string container)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        return "/" + Uri.EscapeDataString(container);
    }

    private static void AddBlobHttpHeaders(Request request, BlobHttpHeaders? headers)
    {
        if (headers?.ContentType is { } contentType)
        {
            request.Headers.Add("x-ms-blob-content-type", contentType);
        }

        if (headers?.ContentDisposition is { } contentDisposition)
        {
            request.Headers.Add("x-ms-blob-content-disposition", contentDisposition);
        }
    }

    private static BlobProperties Properties(Response response, long contentLength) =>
        new(contentLength, response.Headers.ContentType, StorageResponseHeaders.ETag(response), StorageResponseHeaders.LastModified(response));
}
