using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Storage.Backends;

/// <summary>
/// Where files end up (DESIGN.md §4 step 3): IPFS, MEFS, CESS, or the <c>local</c> Blob-backed store.
/// Every operation is idempotent: a push delivered twice stores once.
/// </summary>
public interface IStorageBackend
{
    /// <summary>The backend's name in settings and file records (<c>local</c>, <c>ipfs</c>, …).</summary>
    string Name { get; }

    /// <summary>Stores the staged content of <paramref name="file"/> and returns the backend's identifier for it.</summary>
    /// <param name="openStaged">Opens the staged bytes (the whole blob).</param>
    Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default);

    /// <summary>Opens stored content, optionally one range; null when the backend no longer has it.</summary>
    Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default);

    /// <summary>Removes stored content; removing something already gone is not an error.</summary>
    Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default);
}
