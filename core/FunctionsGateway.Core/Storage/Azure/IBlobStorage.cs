namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The Blob service operations the gateway uses, over the REST API
/// (https://learn.microsoft.com/rest/api/storageservices/blob-service-rest-api).
/// Narrow on purpose so that <c>Azure.Storage.Blobs</c> can replace the REST client in one file.
/// Failures surface as <see cref="AzureStorageException"/>.
/// </summary>
public interface IBlobStorage
{
    /// <summary>Creates the container; an existing container is not an error.</summary>
    Task CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default);

    /// <summary>Put Block: stages one uncommitted block. Block ids are base64 and all of one length per blob.</summary>
    Task StageBlockAsync(string container, string blob, string blockId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Put Block List: commits the given staged blocks, in order, as the blob's content.</summary>
    Task<BlobProperties> CommitBlockListAsync(string container, string blob, IReadOnlyList<string> blockIds, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default);

    /// <summary>Put Blob: uploads a small blob in one request, replacing any existing one.</summary>
    Task<BlobProperties> UploadAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Put Blob with <c>If-None-Match: *</c>: creates the blob only when no blob of that name exists, so that of
    /// several instances racing to create it exactly one wins. Returns null when it already existed.
    /// </summary>
    Task<BlobProperties?> UploadIfAbsentAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default);

    /// <summary>Get Blob, optionally one byte range. Returns null when the blob (or container) does not exist.
    /// The caller disposes the returned download, which owns the response stream.</summary>
    Task<BlobDownload?> DownloadAsync(string container, string blob, BlobRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Get Blob Properties. Returns null when the blob does not exist.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string container, string blob, CancellationToken cancellationToken = default);

    /// <summary>Delete Blob. Returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string container, string blob, CancellationToken cancellationToken = default);

    /// <summary>List Blobs (flat), following continuation markers.</summary>
    IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>True when the client holds the account key and can sign a service SAS.</summary>
    bool CanCreateSas { get; }

    /// <summary>A service SAS URL for one blob signed with the account key
    /// (https://learn.microsoft.com/rest/api/storageservices/create-service-sas).</summary>
    Uri CreateSasUri(string container, string blob, BlobSasPermissions permissions, DateTimeOffset expiresOn);

    /// <summary>A cheap request that proves the service answers (used by /health).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>Standard HTTP headers stored with a blob.</summary>
public sealed record BlobHttpHeaders(string? ContentType = null, string? ContentDisposition = null);

/// <summary>Properties of a blob as returned by the service.</summary>
public sealed record BlobProperties(long ContentLength, string? ContentType, string ETag, DateTimeOffset? LastModified);

/// <summary>One entry of List Blobs.</summary>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, DateTimeOffset? LastModified);

/// <summary>An inclusive byte range; <see cref="Length"/> null means "to the end".</summary>
public readonly record struct BlobRange(long Offset, long? Length = null);

/// <summary>Permissions of a service SAS, in the service's canonical order r,a,c,w,d.</summary>
[Flags]
public enum BlobSasPermissions
{
    None = 0,
    Read = 1,
    Add = 2,
    Create = 4,
    Write = 8,
    Delete = 16,
}

/// <summary>A blob being downloaded: the response stream plus what the service said about it.</summary>
/// <param name="Content">The body; owned by this object.</param>
/// <param name="Properties">Properties; ContentLength is the whole blob's length.</param>
/// <param name="ContentRange">The returned range when a range was requested (Offset, Length).</param>
public sealed record BlobDownload(Stream Content, BlobProperties Properties, BlobRange? ContentRange) : IDisposable, IAsyncDisposable
{
    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
