namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// A blob that is already committed in the staging container as <c>{owner}/{file id}</c> (by a tus upload or
/// by the client itself through a SAS) and is to become a file: see <see cref="UploadPipeline.AdoptStagedAsync"/>.
/// </summary>
/// <param name="FileId">The new file's id, which is also the upload's id; names the staged blob.</param>
/// <param name="Backend">The backend to push to; null for the configured default.</param>
public sealed record StagedUpload(string OwnerId, string FileId, string Name, string? ContentType, string? Backend = null)
{
    /// <summary>The staged blob's name in the staging container.</summary>
    public string StagedBlob => UploadPipeline.StagedBlobName(OwnerId, FileId);

    /// <summary>How the CID is computed; null for <c>Gateway:Content:CidProfile</c>.</summary>
    internal Content.UnixFs.UnixFsProfile? Profile { get; init; }

    /// <summary>Whether anyone may read the content by its CID (see <see cref="FileRecord.Public"/>). Default false.</summary>
    public bool Public { get; init; }
}
