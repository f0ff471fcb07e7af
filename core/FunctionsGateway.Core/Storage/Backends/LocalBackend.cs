using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends;

/// <summary>
/// The <c>local</c> backend: content kept in the gateway's own <c>content</c> container, one blob per
/// file (<c>{owner}/{file id}</c>), so storing the same file twice overwrites it with the same bytes.
/// </summary>
public sealed class LocalBackend(IBlobStorage blobs, BlockBlobWriter writer, StorageBootstrap bootstrap, StorageNames names, IOptions<UploadOptions> options) : IStorageBackend
{
    public const string BackendName = "local";

    public string Name => BackendName;

    public async Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(openStaged);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var name = file.OwnerId + "/" + file.Id;
        var existing = await blobs.GetPropertiesAsync(names.ContentContainer, name, cancellationToken);
        if (existing?.ContentLength == file.Size)
        {
            return name;
        }

        await using var staged = await openStaged(cancellationToken);
        var written = await writer.WriteAsync(
            names.ContentContainer, name, staged, options.Value.BlockSizeBytes, long.MaxValue, observe: null,
            new BlobHttpHeaders(file.ContentType), cancellationToken);
        if (written != file.Size)
        {
            throw new InvalidOperationException($"Staged blob {file.StagedBlob} holds {written} bytes, the record says {file.Size}.");
        }

        return name;
    }

    public Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default) =>
        blobs.DownloadAsync(names.ContentContainer, backendRef, range, cancellationToken);

    public async Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default) =>
        await blobs.DeleteAsync(names.ContentContainer, backendRef, cancellationToken);
}
