namespace FunctionsGateway.Core.Uploads.Direct;

/// <summary>What <c>POST /uploads</c> asks for: the file's name, its content type and, optionally, its size.</summary>
public sealed record DirectUploadCreation(string OwnerId, string Name, string? ContentType, long? Size);

/// <summary>A created direct upload: where to write, until when, and the recommended block size.</summary>
public sealed record DirectUploadTicket(UploadSession Session, Uri BlobUrl, DateTimeOffset ExpiresAt, int BlockSizeBytes);

/// <summary>The outcome of a completion, with the file when there is one.</summary>
public sealed record DirectCompletion(DirectCompletionStatus Status, FileRecord? File = null, long? Committed = null, long? Declared = null);

/// <summary>Expected outcomes of completing a direct upload.</summary>
public enum DirectCompletionStatus
{
    /// <summary>The blob became a file; 201.</summary>
    Completed,

    /// <summary>Completed before; the same file; 200.</summary>
    AlreadyCompleted,

    /// <summary>No such upload for this identity (or its file was deleted since); 404.</summary>
    NotFound,

    /// <summary>The upload expired unfinished; 410.</summary>
    Expired,

    /// <summary>No committed blob yet (Put Block List not called); 409.</summary>
    NotCommitted,

    /// <summary>The committed blob is not the size declared at creation; 409.</summary>
    SizeMismatch,

    /// <summary>The blob was rewritten while it was being hashed; 409.</summary>
    Changed,

    /// <summary>The blob is over the limit and has been deleted; 413.</summary>
    TooLarge,
}
