using FunctionsGateway.Core.Content.Cess;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Backends.Cess;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// The file routes of CESS-Gateway (compat.md §1.5–§1.9) over the platform's pipeline: uploads are staged with their
/// fid computed on the same pass and pushed to the <c>cess</c> backend (DeOSS) when CESS is configured, else to the
/// <c>local</c> backend; <see cref="CessFileIndex"/> gives the per-user names and fids; states come from the chain
/// when there is one, else from the pipeline. Answers are <see cref="CessReply"/>s with the original's codes and
/// messages; storage and chain failures throw, and the surface maps them once.
/// </summary>
internal sealed class CessFileService(
    UploadPipeline pipeline,
    FileIndex files,
    FileContentReader reader,
    CessFileIndex index,
    CessAccount account,
    StorageBackendRegistry backends)
{
    /// <summary>Page size of <c>GET /files</c>, its largest size, and the fixed page stride of the original.</summary>
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 1000;
    private const int PageStride = 30;

    /// <summary>The backend of CESS uploads: <c>cess</c> when DeOSS is configured, else <c>local</c>.</summary>
    public string Backend => backends.Find(CessBackend.BackendName) is not null ? CessBackend.BackendName : LocalBackend.BackendName;

    /// <summary>
    /// <c>PUT /{filename}</c> step 3 (compat.md §1.5): reserves the name for the user; false when the user already has
    /// (or is uploading) a file of that name. The caller releases it when the request fails before <see cref="UploadAsync"/>.
    /// </summary>
    public Task<bool> ReserveNameAsync(string ownerId, string name, CancellationToken cancellationToken = default) =>
        index.TryReserveNameAsync(ownerId, name, cancellationToken);

    /// <summary>Drops a reservation of <see cref="ReserveNameAsync"/>.</summary>
    public Task ReleaseNameAsync(string ownerId, string name) => index.ReleaseNameAsync(ownerId, name, CancellationToken.None);

    /// <summary>
    /// <c>PUT /{filename}</c> steps 6–12 for a reserved name: the space check against the territory (with CESS), then
    /// the upload; the name is released when it fails.
    /// </summary>
    public async Task<CessReply> UploadAsync(string ownerId, string name, Stream content, long declaredLength, CancellationToken cancellationToken = default)
    {
        try
        {
            if (Backend == CessBackend.BackendName && !await account.HasSpaceForAsync(declaredLength, cancellationToken))
            {
                await index.ReleaseNameAsync(ownerId, name, CancellationToken.None);
                return CessReply.Of(403, CessMessages.SpaceInsufficient);
            }

            var record = await pipeline.UploadAsync(
                new UploadRequest(ownerId, name, content, null, "application/octet-stream", Backend) { AdditionalHashers = [CessFidHasherFactory.Instance] },
                cancellationToken);
            if (record.Size == 0)
            {
                // CESS defines no fid for an empty file and DeOSS refuses one.
                await reader.DeleteAsync(record, CancellationToken.None);
                await index.ReleaseNameAsync(ownerId, name, CancellationToken.None);
                return CessReply.Of(400, CessMessages.HttpError);
            }

            var fid = record.Digests[CessFidHasher.DigestName];
            if (await index.CompleteAsync(ownerId, name, fid, record.Id, record.Size, cancellationToken) is not null)
            {
                // The user already holds these bytes: the name joins that file and this copy goes.
                await reader.DeleteAsync(record, cancellationToken);
            }

            return CessReply.Ok(fid);
        }
        catch
        {
            await index.ReleaseNameAsync(ownerId, name, CancellationToken.None);
            throw;
        }
    }

    /// <summary><c>GET /{fid}</c> (no auth): the file's record and bytes, or null when no user holds the fid.</summary>
    public async Task<(FileRecord Record, BlobDownload Content)?> OpenAsync(string fid, BlobRange? range, CancellationToken cancellationToken = default)
    {
        foreach (var (owner, fileId) in await index.HoldersAsync(fid.ToLowerInvariant(), cancellationToken))
        {
            if (await files.GetAsync(owner, fileId, cancellationToken) is { } record
                && await reader.OpenAsync(record, range, cancellationToken) is { } download)
            {
                return (record, download);
            }
        }

        return null;
    }

    /// <summary>The record of a fid any user holds (for the size before a ranged read), or null.</summary>
    public async Task<FileRecord?> FindAsync(string fid, CancellationToken cancellationToken = default)
    {
        foreach (var (owner, fileId) in await index.HoldersAsync(fid.ToLowerInvariant(), cancellationToken))
        {
            if (await files.GetAsync(owner, fileId, cancellationToken) is { } record)
            {
                return record;
            }
        }

        return null;
    }

    /// <summary><c>DELETE /{fid}</c> after the preamble (compat.md §1.7): the backend's copy first (a chain transaction with CESS), then the records.</summary>
    public async Task<CessReply> DeleteAsync(string ownerId, string fid, CancellationToken cancellationToken = default)
    {
        var entry = CessFid.IsWellFormed(fid) ? await index.FindAsync(ownerId, fid.ToLowerInvariant(), cancellationToken) : null;
        if (entry is null)
        {
            return CessReply.Of(404, CessMessages.NotUploaded);
        }

        if (await files.GetAsync(ownerId, entry.FileId, cancellationToken) is { } record)
        {
            await reader.DeleteAsync(record, backendFirst: true, cancellationToken);
        }

        await index.RemoveAsync(ownerId, entry, cancellationToken);
        return CessReply.Ok();
    }

    /// <summary><c>GET /files</c> after the preamble: the user's fids, oldest first, paged exactly as the original (compat.md §1.8).</summary>
    public async Task<CessReply> ListAsync(string ownerId, int size, int page, CancellationToken cancellationToken = default)
    {
        if (!await index.AnyAsync(cancellationToken))
        {
            return CessReply.Of(200, CessMessages.Empty);
        }

        var fids = (await index.ListAsync(ownerId, cancellationToken)).Select(e => e.Fid).ToList();
        return CessReply.Ok(Paginate(fids, size, page));
    }

    /// <summary>The original's pagination, quirks included: defaults page 0 and size 30 (values ≤ 0 ignored), size at most 1000, a fixed page stride of 30.</summary>
    public static IReadOnlyList<string> Paginate(IReadOnlyList<string> items, int size, int page)
    {
        ArgumentNullException.ThrowIfNull(items);
        var showPage = page > 0 ? page : 0;
        var showSize = size > 0 ? Math.Min(size, MaxPageSize) : DefaultPageSize;
        var count = items.Count;
        if (showSize >= count)
        {
            return items;
        }

        if (showPage == 0)
        {
            return items.Skip(count - showSize).ToList();
        }

        var start = (showPage - 1) * PageStride;
        if (start > count)
        {
            return count <= PageStride ? items : items.Skip(count - PageStride).ToList();
        }

        return start + showSize >= count ? items.Skip(start).ToList() : items.Skip(start).Take(showSize).ToList();
    }

    /// <summary>
    /// <c>GET /state/{fid}</c> (no auth, compat.md §1.9): size, state and every name declared for the fid. The state
    /// is the chain's (<c>pending</c> while declared, <c>active</c> once stored) when CESS is configured; without it,
    /// or while the push has not reached DeOSS yet, the pipeline's (<c>staged</c> → <c>pending</c>, <c>stored</c> →
    /// <c>active</c>, <c>failed</c>). Not found: HTTP 200 with code 404 <c>Empty</c>.
    /// </summary>
    public async Task<CessReply> StateAsync(string fid, CancellationToken cancellationToken = default)
    {
        fid = fid.ToLowerInvariant();
        var holders = await index.HoldersAsync(fid, cancellationToken);
        var names = new List<string>();
        FileRecord? record = null;
        foreach (var (owner, fileId) in holders)
        {
            if (await index.FindAsync(owner, fid, cancellationToken) is { } entry)
            {
                names.AddRange(entry.Names);
            }

            record ??= await files.GetAsync(owner, fileId, cancellationToken);
        }

        if (record is null)
        {
            return new CessReply(200, 404, CessMessages.Empty);
        }

        var state = account.IsConfigured && record.Backend == CessBackend.BackendName ? await account.GetFileStateAsync(fid, cancellationToken) : null;
        state ??= record.State switch
        {
            FileState.Stored => "active",
            FileState.Failed => "failed",
            _ => "pending",
        };
        return CessReply.Ok(new CessFileState(record.Size, state, names.Count == 0 ? null : names.Distinct(StringComparer.Ordinal).ToList()));
    }
}

/// <summary>The data of <c>GET /state/{fid}</c>: Go field names without JSON tags, so capitalised.</summary>
public sealed record CessFileState(long Size, string State, IReadOnlyList<string>? Names);
