using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// The uploads table: one row per <see cref="UploadSession"/>, partition = owner id, so one identity can never
/// reach another's uploads. Every change is conditional on the row's ETag, which is what lets two requests for
/// one upload race safely (the loser sees null and answers 409).
/// </summary>
public sealed class UploadSessionStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names)
{
    /// <summary>Inserts a new session; returns it with its ETag.</summary>
    public async Task<UploadSession> InsertAsync(UploadSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var etag = await tables.InsertAsync(names.UploadsTable, ToEntity(session), cancellationToken);
        return session with { ETag = etag };
    }

    /// <summary>The owner's session of this kind, or null (also for ids that cannot be ids).</summary>
    public async Task<UploadSession?> GetAsync(string ownerId, string uploadId, UploadSessionKind kind, CancellationToken cancellationToken = default)
    {
        if (!FileIndex.IsValidFileId(uploadId))
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var entity = await tables.GetAsync(names.UploadsTable, ownerId, uploadId, cancellationToken);
        var session = entity is null ? null : ToSession(entity);
        return session?.Kind == kind ? session : null;
    }

    /// <summary>Replaces the session if its ETag still matches; the stored session, or null when the ETag lost a race or the row is gone.</summary>
    public async Task<UploadSession?> TryUpdateAsync(UploadSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var etag = await tables.TryUpdateAsync(names.UploadsTable, ToEntity(session), session.ETag ?? "*", TableUpdateMode.Replace, cancellationToken);
        return etag is null ? null : session with { ETag = etag };
    }

    /// <summary>Deletes the session if its ETag still matches; false when it lost a race or was already gone.</summary>
    public async Task<bool> TryDeleteAsync(UploadSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await tables.TryDeleteAsync(names.UploadsTable, session.OwnerId, session.Id, session.ETag ?? "*", cancellationToken);
    }

    private static TableEntity ToEntity(UploadSession s)
    {
        var e = new TableEntity(s.OwnerId, s.Id)
        {
            ["Kind"] = s.Kind.ToString(),
            ["Name"] = s.Name,
            ["Offset"] = s.Offset,
            ["BlockCount"] = s.BlockCount,
            ["CreatedAt"] = s.CreatedAt,
            ["ExpiresAt"] = s.ExpiresAt,
        };
        SetIfPresent(e, "ContentType", s.ContentType);
        SetIfPresent(e, "Length", s.Length);
        SetIfPresent(e, "Metadata", s.Metadata);
        SetIfPresent(e, "FileId", s.FileId);
        SetIfPresent(e, "LockId", s.LockId);
        SetIfPresent(e, "LockExpiresAt", s.LockExpiresAt);
        return e;
    }

    private static void SetIfPresent(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static UploadSession ToSession(TableEntity e) => new()
    {
        OwnerId = e.PartitionKey,
        Id = e.RowKey,
        Kind = Enum.TryParse<UploadSessionKind>(e.GetString("Kind"), out var kind) ? kind : UploadSessionKind.Tus,
        Name = e.GetString("Name") ?? e.RowKey,
        ContentType = e.GetString("ContentType"),
        Length = e.GetInt64("Length"),
        Offset = e.GetInt64("Offset") ?? 0,
        BlockCount = e.GetInt32("BlockCount") ?? 0,
        Metadata = e.GetString("Metadata"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        ExpiresAt = e.GetDateTimeOffset("ExpiresAt") ?? default,
        FileId = e.GetString("FileId"),
        LockId = e.GetString("LockId"),
        LockExpiresAt = e.GetDateTimeOffset("LockExpiresAt"),
        ETag = e.ETag,
    };
}
