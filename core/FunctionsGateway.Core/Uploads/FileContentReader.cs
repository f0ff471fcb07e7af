using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Reads and removes files (DESIGN.md §4 step 4): from the backend once stored, from the stage while the
/// push is pending.
/// </summary>
internal sealed class FileContentReader(IBlobStorage blobs, StorageBackendRegistry backends, FileIndex files, CidIndex cids, UsageStore usage, StorageNames names)
{
    /// <summary>Opens the file's bytes, optionally one range; null when neither the backend nor the stage has them.</summary>
    public async Task<BlobDownload?> OpenAsync(FileRecord record, BlobRange? range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.State == FileState.Stored && record.BackendRef is { } reference && backends.Find(record.Backend) is { } backend)
        {
            return await backend.OpenReadAsync(reference, range, cancellationToken);
        }

        var staged = await blobs.DownloadAsync(names.StagingContainer, record.StagedBlob, range, cancellationToken);
        if (staged is not null && !record.IsStagedVersion(staged.Properties))
        {
            // Rewritten through a still-valid upload SAS: not the bytes the record describes.
            await staged.DisposeAsync();
            return null;
        }

        return staged;
    }

    /// <summary>
    /// Deletes the record first (so the file disappears at once), then its bytes; the owner's stored bytes go down by
    /// its size (every surface's delete comes here). False when it did not exist.
    /// </summary>
    public Task<bool> DeleteAsync(FileRecord record, CancellationToken cancellationToken = default) =>
        DeleteAsync(record, backendFirst: false, cancellationToken);

    /// <summary>
    /// As <see cref="DeleteAsync(FileRecord, CancellationToken)"/>; with <paramref name="backendFirst"/> the backend's copy goes first, so that a backend whose delete can fail
    /// (a chain transaction) fails before anything else is removed and the delete can be retried.
    /// </summary>
    public async Task<bool> DeleteAsync(FileRecord record, bool backendFirst, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var backend = record.BackendRef is not null ? backends.Find(record.Backend) : null;
        if (backendFirst && backend is not null)
        {
            await backend.DeleteAsync(record.BackendRef!, cancellationToken);
        }

        if (!await files.DeleteAsync(record.OwnerId, record.Id, cancellationToken))
        {
            return false;
        }

        await usage.ChargeAsync(record.OwnerId, new Usage(StoredBytes: -record.Size), enforce: false, CancellationToken.None);
        await cids.RemoveAsync(record, cancellationToken);

        if (!backendFirst && backend is not null)
        {
            await backend.DeleteAsync(record.BackendRef!, cancellationToken);
        }

        await blobs.DeleteAsync(names.StagingContainer, record.StagedBlob, cancellationToken);
        return true;
    }
}
