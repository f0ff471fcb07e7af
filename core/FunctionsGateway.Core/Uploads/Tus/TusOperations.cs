namespace FunctionsGateway.Core.Uploads.Tus;

/// <summary>What a tus POST asks for.</summary>
/// <param name="Name">The file name (<c>filename</c> metadata); null names the file after its id.</param>
/// <param name="Metadata">The <c>Upload-Metadata</c> header as sent, returned on HEAD.</param>
public sealed record TusCreation(string OwnerId, long Length, string? Name, string? ContentType, string? Metadata);

/// <summary>What a tus PATCH brings: the client's <c>Upload-Offset</c>, <c>Content-Length</c> when sent, optional checksum, and the body.</summary>
public sealed record TusPatch(long Offset, long? ContentLength, TusChecksum? Checksum, Stream Body);

/// <summary>The outcome of a tus operation and the upload as it now stands (null when there is none).</summary>
public sealed record TusResult(TusStatus Status, UploadSession? Session = null);

/// <summary>Expected outcomes of tus operations; each maps to one status code (tus 1.0.0).</summary>
public enum TusStatus
{
    /// <summary>Done; 201/200/204.</summary>
    Ok,

    /// <summary>No such upload for this identity; 404.</summary>
    NotFound,

    /// <summary>The upload expired; 410.</summary>
    Expired,

    /// <summary><c>Upload-Offset</c> is not the upload's offset; 409.</summary>
    OffsetMismatch,

    /// <summary>Another request holds or changed the upload; 409.</summary>
    Busy,

    /// <summary>The body would pass <c>Upload-Length</c>; 413.</summary>
    TooLarge,

    /// <summary>The body does not match <c>Upload-Checksum</c>; 460.</summary>
    ChecksumMismatch,
}
