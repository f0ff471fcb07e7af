using System.Text;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// The file index in Table storage: partition = owner id, row = file id, so one identity's queries can
/// never reach another's files. State changes are conditional on the row's ETag.
/// </summary>
public sealed class FileIndex(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names)
{
    private const string DigestPrefix = "Digest_";

    /// <summary>Inserts a new record; returns it with its ETag.</summary>
    public async Task<FileRecord> InsertAsync(FileRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var etag = await tables.InsertAsync(names.FilesTable, ToEntity(record), cancellationToken);
        return record with { ETag = etag };
    }

    /// <summary>The owner's file, or null (also for ids that cannot be ids).</summary>
    public async Task<FileRecord?> GetAsync(string ownerId, string fileId, CancellationToken cancellationToken = default)
    {
        if (!IsValidFileId(fileId))
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var entity = await tables.GetAsync(names.FilesTable, ownerId, fileId, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>One page of the owner's files, oldest first; <paramref name="continuation"/> is the previous page's token.</summary>
    public async Task<FilePage> ListAsync(string ownerId, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var filter = $"PartitionKey eq {TableKeys.Literal(ownerId)}";
        var next = DecodeContinuation(continuation);
        var items = new List<FileRecord>();
        // The service may return short or empty pages with a continuation: keep asking until the page is full.
        do
        {
            var page = await tables.QueryAsync(names.FilesTable, filter, pageSize - items.Count, next, cancellationToken);
            items.AddRange(page.Items.Select(ToRecord));
            next = page.Continuation;
        }
        while (next is not null && items.Count < pageSize);

        return new FilePage(items, EncodeContinuation(next));
    }

    /// <summary>Replaces the record if its ETag still matches; returns the stored record, or null when the ETag lost a race.</summary>
    public async Task<FileRecord?> TryUpdateAsync(FileRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var etag = await tables.TryUpdateAsync(names.FilesTable, ToEntity(record), record.ETag ?? "*", TableUpdateMode.Replace, cancellationToken);
        return etag is null ? null : record with { ETag = etag };
    }

    /// <summary>Deletes the record; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string ownerId, string fileId, CancellationToken cancellationToken = default)
    {
        if (!IsValidFileId(fileId))
        {
            return false;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        return await tables.DeleteAsync(names.FilesTable, ownerId, fileId, "*", cancellationToken);
    }

    /// <summary>File ids are 32 lowercase hex digits (a version-7 GUID, so ids sort by creation time).</summary>
    public static bool IsValidFileId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private static TableEntity ToEntity(FileRecord r)
    {
        var e = new TableEntity(r.OwnerId, r.Id)
        {
            ["Name"] = r.Name,
            ["Size"] = r.Size,
            ["State"] = r.State.ToString(),
            ["Backend"] = r.Backend,
            ["StagedBlob"] = r.StagedBlob,
            ["CreatedAt"] = r.CreatedAt,
            ["UpdatedAt"] = r.UpdatedAt,
            ["Attempts"] = r.Attempts,
            ["Public"] = r.Public,
        };
        if (r.ContentType is not null)
        {
            e["ContentType"] = r.ContentType;
        }

        if (r.BackendRef is not null)
        {
            e["BackendRef"] = r.BackendRef;
        }

        if (r.Cid is not null)
        {
            e["Cid"] = r.Cid;
            e["CidProfile"] = r.CidProfile;
        }

        if (r.DagSize is { } dagSize)
        {
            e["DagSize"] = dagSize;
        }

        if (r.LastError is not null)
        {
            e["LastError"] = r.LastError;
        }

        if (r.StagedETag is not null)
        {
            e["StagedETag"] = r.StagedETag;
        }

        foreach (var (name, value) in r.Digests)
        {
            e[DigestPrefix + name] = value;
        }

        return e;
    }

    private static FileRecord ToRecord(TableEntity e) => new()
    {
        OwnerId = e.PartitionKey,
        Id = e.RowKey,
        Name = e.GetString("Name") ?? "",
        Size = e.GetInt64("Size") ?? 0,
        ContentType = e.GetString("ContentType"),
        State = Enum.TryParse<FileState>(e.GetString("State"), out var s) ? s : FileState.Staged,
        Backend = e.GetString("Backend") ?? "",
        BackendRef = e.GetString("BackendRef"),
        StagedBlob = e.GetString("StagedBlob") ?? "",
        Cid = e.GetString("Cid"),
        Public = e["Public"] is true,
        CidProfile = e.GetString("CidProfile"),
        StagedETag = e.GetString("StagedETag"),
        DagSize = e.GetInt64("DagSize"),
        Digests = e.Properties
            .Where(p => p.Key.StartsWith(DigestPrefix, StringComparison.Ordinal) && p.Value is string)
            .ToDictionary(p => p.Key[DigestPrefix.Length..], p => (string)p.Value!, StringComparer.Ordinal),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        Attempts = (int)(e.GetInt64("Attempts") ?? 0),
        LastError = e.GetString("LastError"),
        ETag = e.ETag,
    };

    private static string? EncodeContinuation(TableContinuation? c) => c is null
        ? null
        : Convert.ToBase64String(Encoding.UTF8.GetBytes(c.NextPartitionKey + "\n" + c.NextRowKey)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static TableContinuation? DecodeContinuation(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var text = FromBase64Url(token);
        var newline = text?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
        if (text is null || newline <= 0)
        {
            throw new FormatException("The continuation token is not one this gateway issued.");
        }

        var rowKey = text[(newline + 1)..];
        return new TableContinuation(text[..newline], rowKey.Length == 0 ? null : rowKey);
    }

    private static string? FromBase64Url(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var n) ? Encoding.UTF8.GetString(bytes, 0, n) : null;
    }
}

/// <summary>A page of files and the token for the next page (null at the end).</summary>
public sealed record FilePage(IReadOnlyList<FileRecord> Items, string? Continuation);
