using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Functions.Tests.Functions.Uploads;

/// <summary>Blob storage whose credential cannot sign a SAS, as with a managed identity; everything else passes through.</summary>
internal sealed class UnsignedBlobStorage(IBlobStorage inner) : IBlobStorage
{
    public bool CanCreateSas => false;

    public Uri CreateSasUri(string container, string blob, BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
        throw new InvalidOperationException("This credential cannot sign a SAS.");

    public Task CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default) =>
        inner.CreateContainerIfNotExistsAsync(container, cancellationToken);

    public Task StageBlockAsync(string container, string blob, string blockId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.StageBlockAsync(container, blob, blockId, content, cancellationToken);

    public Task<BlobProperties> CommitBlockListAsync(string container, string blob, IReadOnlyList<string> blockIds, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default) =>
        inner.CommitBlockListAsync(container, blob, blockIds, headers, cancellationToken);

    public Task<BlobProperties> UploadAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default) =>
        inner.UploadAsync(container, blob, content, headers, cancellationToken);

    public Task<BlobProperties?> UploadIfAbsentAsync(string container, string blob, ReadOnlyMemory<byte> content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default) =>
        inner.UploadIfAbsentAsync(container, blob, content, headers, cancellationToken);

    public Task<BlobDownload?> DownloadAsync(string container, string blob, BlobRange? range = null, CancellationToken cancellationToken = default) =>
        inner.DownloadAsync(container, blob, range, cancellationToken);

    public Task<BlobProperties?> GetPropertiesAsync(string container, string blob, CancellationToken cancellationToken = default) =>
        inner.GetPropertiesAsync(container, blob, cancellationToken);

    public Task<bool> DeleteAsync(string container, string blob, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(container, blob, cancellationToken);

    public IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(container, prefix, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
