namespace FunctionsGateway.Core.Uploads;

/// <summary>What a surface hands the pipeline: whose, what name, the body and what the client declared.</summary>
/// <param name="DeclaredLength">Content-Length when the client sent one; checked against the limit before any byte is read.</param>
/// <param name="Backend">The backend to push to; null for the configured default.</param>
public sealed record UploadRequest(string OwnerId, string Name, Stream Body, long? DeclaredLength, string? ContentType, string? Backend = null)
{
    /// <summary>How the CID is computed; null for <c>Gateway:Content:CidProfile</c>.</summary>
    internal Content.UnixFs.UnixFsProfile? Profile { get; init; }

    /// <summary>
    /// Digests this upload needs beyond the registered ones (e.g. the CESS fid for the <c>/cess</c> surface), computed
    /// on the same pass and stored in <see cref="FileRecord.Digests"/>. Default none.
    /// </summary>
    public IReadOnlyList<IContentHasherFactory> AdditionalHashers { get; init; } = [];

    /// <summary>Whether anyone may read the content by its CID (see <see cref="FileRecord.Public"/>). Default false.</summary>
    public bool Public { get; init; }

    /// <summary>
    /// A surface's last word before the file is recorded, called with the committed size and root CID once the body
    /// has been staged (e.g. MEMO's voucher check, compat §2.5, which needs the size and fields that may follow the
    /// file in a multipart body; Decoo's check of the client's <c>cid</c>, compat §3.2). When it throws, the staged
    /// blob is deleted, nothing is recorded and the exception propagates.
    /// </summary>
    internal Func<StagedContent, CancellationToken, Task>? AdmitAsync { get; init; }
}

/// <summary>What the pipeline knows of a staged body before it is recorded: its size and its root CID (with the upload's profile).</summary>
internal sealed record StagedContent(long Size, Content.Multiformats.Cid Root);
