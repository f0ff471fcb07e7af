using System.Globalization;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// The headers and error answers the tus functions share. A finished upload also names its file:
/// <c>X-File-Id</c> and <c>X-File-Location</c> (<c>/v1/files/{id}</c>), on the final PATCH, on HEAD and on a
/// zero-length POST, so a client that lost the final answer learns the file from a HEAD.
/// </summary>
internal static class TusAnswers
{
    public const string FileIdHeader = "X-File-Id";
    public const string FileLocationHeader = "X-File-Location";

    /// <summary>Upload-Offset, Upload-Length, Upload-Expires, Cache-Control: no-store, and the file headers once finished.</summary>
    public static void WriteUploadHeaders(HttpResponse response, UploadSession session)
    {
        var headers = response.Headers;
        headers[TusProtocol.UploadOffsetHeader] = session.Offset.ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.UploadLengthHeader] = (session.Length ?? 0).ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.UploadExpiresHeader] = TusProtocol.FormatExpires(session.ExpiresAt);
        headers.CacheControl = "no-store";
        if (session.FileId is { } fileId)
        {
            headers[FileIdHeader] = fileId;
            headers[FileLocationHeader] = $"/v1/files/{fileId}";
        }
    }

    /// <summary>The answer to an outcome other than <see cref="TusStatus.Ok"/>, in the gateway's envelope.</summary>
    public static IResult Problem(TusStatus status, UploadSession? session, long maxSize) => status switch
    {
        TusStatus.NotFound => GatewayErrors.Problem(StatusCodes.Status404NotFound, "upload_not_found", "No such upload."),
        TusStatus.Expired => GatewayErrors.Problem(StatusCodes.Status410Gone, "upload_expired", "The upload expired before it was finished; start a new one."),
        TusStatus.OffsetMismatch => GatewayErrors.Problem(StatusCodes.Status409Conflict, "offset_mismatch",
            $"Upload-Offset must be the upload's offset, {session?.Offset ?? 0}; HEAD the upload and resume from there."),
        TusStatus.Busy => GatewayErrors.Problem(StatusCodes.Status409Conflict, "upload_busy",
            "Another request is writing this upload; HEAD it and resume from its offset."),
        TusStatus.TooLarge => GatewayErrors.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
            $"The body would pass Upload-Length ({session?.Length ?? maxSize}); nothing of it was kept."),
        TusStatus.ChecksumMismatch => GatewayErrors.Problem(TusProtocol.ChecksumMismatchStatus, "checksum_mismatch",
            "The body does not match Upload-Checksum; nothing of it was kept."),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an error outcome."),
    };
}
