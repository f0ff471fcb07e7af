namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// A large upload between its creation and the file it becomes (DESIGN.md §4 step 5), kept in the uploads table
/// (partition = owner, row = upload id). The upload id is also the future file id, so the staged blob is
/// <c>{owner}/{id}</c> like any other. Changes are conditional on <see cref="ETag"/>.
/// </summary>
public sealed record UploadSession
{
    public required string OwnerId { get; init; }

    public required string Id { get; init; }

    public required UploadSessionKind Kind { get; init; }

    /// <summary>The file name the upload will get.</summary>
    public required string Name { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The total size: tus <c>Upload-Length</c>, or the size a direct upload declared (null when it did not).</summary>
    public long? Length { get; init; }

    /// <summary>Bytes staged so far (tus <c>Upload-Offset</c>).</summary>
    public long Offset { get; init; }

    /// <summary>Blocks staged so far; the next block's id is <see cref="BlockBlobWriter.BlockId"/> of this.</summary>
    public int BlockCount { get; init; }

    /// <summary>The client's tus <c>Upload-Metadata</c> as sent, returned on HEAD.</summary>
    public string? Metadata { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this an unfinished upload answers 410.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The file the upload became; null while unfinished.</summary>
    public string? FileId { get; init; }

    /// <summary>The request that holds the upload (a tus PATCH or termination); null when free.</summary>
    public string? LockId { get; init; }

    /// <summary>When <see cref="LockId"/> lapses if its holder never releases it.</summary>
    public DateTimeOffset? LockExpiresAt { get; init; }

    /// <summary>The row's ETag when read.</summary>
    public string? ETag { get; init; }

    public bool IsComplete => FileId is not null;

    /// <summary>The staged blob's name in the staging container.</summary>
    public string StagedBlob => UploadPipeline.StagedBlobName(OwnerId, Id);

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsLocked(DateTimeOffset now) => LockId is not null && LockExpiresAt > now;
}

/// <summary>How the bytes of an upload arrive.</summary>
public enum UploadSessionKind
{
    /// <summary>tus 1.0.0 PATCHes through the gateway.</summary>
    Tus,

    /// <summary>Put Block / Put Block List by the client straight to Blob storage with a SAS.</summary>
    Direct,
}
