using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Tests.Uploads;

/// <summary>
/// A backend whose network is down: every call fails as an unreachable HTTP peer does. A fault injector for
/// the retry logic; the real backends are tested against their real peers in their own issues.
/// </summary>
internal sealed class UnreachableBackend : IStorageBackend
{
    public const string BackendName = "unreachable";

    public string Name => BackendName;

    public Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default) =>
        throw new HttpRequestException("backend unreachable (connection refused)");

    public Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default) =>
        throw new HttpRequestException("backend unreachable (connection refused)");

    public Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default) =>
        throw new HttpRequestException("backend unreachable (connection refused)");
}
