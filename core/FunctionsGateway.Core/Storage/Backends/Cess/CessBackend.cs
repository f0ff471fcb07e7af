using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Content.Cess;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Storage.Backends.Cess;

/// <summary>
/// The <c>cess</c> backend (DESIGN.md §4 step 3, spec/cess.md §2.5): pushes a staged file to DeOSS in the gateway
/// account's territory, and accepts it only when DeOSS's fid equals the one computed at upload (otherwise the push
/// is rejected for good). Files of one content share one fid on CESS, so the backend counts references (table
/// <c>cessrefs</c>: partition = fid, row = owner and file) and deletes on DeOSS only when the last one goes. The
/// backend reference is <c>{fid}/{owner}/{file id}</c>. DeOSS failures are <see cref="DeossException"/>s, retried by
/// the push worker.
/// </summary>
internal sealed class CessBackend(DeossClient deoss, CessAccount account, ITableStorage tables, StorageBootstrap bootstrap, StorageNames names) : IStorageBackend
{
    public const string BackendName = "cess";

    public string Name => BackendName;

    public async Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(openStaged);
        if (!file.Digests.TryGetValue(CessFidHasher.DigestName, out var expected) || !CessFid.IsWellFormed(expected))
        {
            throw new PushRejectedException("The file has no CESS fid: it was uploaded without the fid hasher, so DeOSS's fid cannot be checked.");
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var reference = new TableEntity(expected, RefRow(file.OwnerId, file.Id)) { ["Size"] = file.Size };
        // Recorded before the upload, so that a concurrent delete of another reference cannot remove this one's content.
        await tables.UpsertAsync(names.CessRefsTable, reference, TableUpdateMode.Replace, cancellationToken);

        string fid;
        await using (var staged = await openStaged(cancellationToken))
        {
            fid = await deoss.UploadAsync(staged, file.Size, DeossClient.FileNameFor(file.Name, expected), account.Territory, account.Signer, cancellationToken);
        }

        if (!string.Equals(fid, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new PushRejectedException($"DeOSS computed the fid {fid}; the gateway computed {expected} at upload.");
        }

        return $"{expected}/{file.OwnerId}/{file.Id}";
    }

    public Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default) =>
        deoss.DownloadAsync(FidOf(backendRef), range, cancellationToken);

    public async Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backendRef);
        var parts = backendRef.Split('/');
        if (parts.Length != 3)
        {
            return;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var fid = parts[0];
        var others = await tables.QueryAsync(names.CessRefsTable, $"PartitionKey eq {TableKeys.Literal(fid)} and RowKey ne {TableKeys.Literal(RefRow(parts[1], parts[2]))}", 1, null, cancellationToken);
        if (others.Items.Count == 0 && others.Continuation is null
            && await tables.GetAsync(names.CessRefsTable, fid, RefRow(parts[1], parts[2]), cancellationToken) is not null)
        {
            await deoss.DeleteAsync(fid, account.Signer, cancellationToken);
        }

        // Only once DeOSS has let go: a failed delete leaves the reference, so that a retry deletes again.
        await tables.DeleteAsync(names.CessRefsTable, fid, RefRow(parts[1], parts[2]), "*", cancellationToken);
    }

    private static string FidOf(string backendRef) => backendRef.Split('/')[0];

    private static string RefRow(string ownerId, string fileId) => ownerId + "_" + fileId;
}
