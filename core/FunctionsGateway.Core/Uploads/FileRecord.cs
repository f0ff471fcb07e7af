namespace FunctionsGateway.Core.Uploads;

/// <summary>A file in the index (Table storage, partition = owner, row = file id).</summary>
public sealed record FileRecord
{
    public required string OwnerId { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required long Size { get; init; }

    public string? ContentType { get; init; }

    public required FileState State { get; init; }

    /// <summary>The backend the file goes to (or went to), e.g. <c>local</c>.</summary>
    public required string Backend { get; init; }

    /// <summary>The backend's identifier for the content once stored.</summary>
    public string? BackendRef { get; init; }

    /// <summary>The staged blob's name in the staging container.</summary>
    public required string StagedBlob { get; init; }

    /// <summary>The UnixFS root CID of the content (Kubo's CID for the same bytes and <see cref="CidProfile"/>), computed on the upload pass.</summary>
    public string? Cid { get; init; }

    /// <summary>
    /// The cumulative size of the DAG under <see cref="Cid"/> (root block + Σ link Tsizes), what Kubo's
    /// <c>/api/v0/add</c> prints as <c>Size</c> and a parent directory writes as the link's Tsize.
    /// </summary>
    public long? DagSize { get; init; }

    /// <summary>How <see cref="Cid"/> was computed (<c>UnixFsProfileSpec</c> text); backends rebuild or re-add the DAG with it.</summary>
    public string? CidProfile { get; init; }

    /// <summary>
    /// Whether the content may be served to anyone by its CID (<c>/ipfs/{cid}</c>): true for IPFS-style uploads
    /// (<c>/api/v0/add</c>, pins), false for the files API's private files, which only their owner reads.
    /// </summary>
    public bool Public { get; init; }

    /// <summary>
    /// The staged blob's ETag when its digests were computed, for blobs a client wrote itself (direct-to-blob
    /// uploads, whose SAS stays valid for a while): the push and staged reads refuse a blob that no longer has it.
    /// Null for blobs only the gateway writes.
    /// </summary>
    public string? StagedETag { get; init; }

    /// <summary>Digests computed on the upload pass, by hasher name (<c>sha256</c>, …).</summary>
    public required IReadOnlyDictionary<string, string> Digests { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Push attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the last push attempt failed, if it did.</summary>
    public string? LastError { get; init; }

    /// <summary>The row's ETag when read.</summary>
    public string? ETag { get; init; }

    public string? Sha256 => Digests.TryGetValue(Sha256ContentHasher.DigestName, out var v) ? v : null;

    /// <summary>True when <paramref name="staged"/> is the version of the staged blob this record describes.</summary>
    public bool IsStagedVersion(Storage.Azure.BlobProperties staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        return StagedETag is null || StagedETag == staged.ETag;
    }
}
