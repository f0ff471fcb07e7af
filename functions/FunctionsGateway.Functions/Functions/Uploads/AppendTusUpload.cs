using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>PATCH /uploads/tus/{id}</c>: <c>Content-Type: application/offset+octet-stream</c> (else 415), <c>Upload-Offset</c>
/// equal to the upload's offset (else 409), optional <c>Upload-Checksum: sha256 …</c> (mismatch → 460). The body is
/// streamed into Put Blocks → 204 with the new Upload-Offset; the PATCH that reaches Upload-Length also commits the
/// blob and records the file (X-File-Id, X-File-Location). A body past Upload-Length → 413 and nothing of it counts.
/// The body is not capped by the small JSON limit; the Functions host caps one request at 100 MiB.
/// </summary>
internal static class AppendTusUpload
{
    public const string Name = "TusPatch";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPatch("/{id}", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Accepts<Stream>(TusProtocol.PatchContentType)
            .Produces(StatusCodes.Status204NoContent);

    internal static async Task<IResult> HandleAsync(string id, HttpContext context, TusUploadService tus)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(TusProtocol.PatchContentType, StringComparison.OrdinalIgnoreCase))
        {
            return GatewayErrors.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"A PATCH body must be {TusProtocol.PatchContentType}.");
        }

        if (!TusProtocol.TryParseSize(request.Headers[TusProtocol.UploadOffsetHeader], out var offset))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_upload_offset", "Upload-Offset must be a byte offset.");
        }

        TusChecksum? checksum = null;
        if (request.Headers.TryGetValue(TusProtocol.UploadChecksumHeader, out var checksumHeader)
            && !TusChecksum.TryParse(checksumHeader, out checksum, out var error))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_checksum", error);
        }

        // Not cancelled by the client leaving: what it sent before it left is kept (tus: accept as much as possible).
        var result = await tus.AppendAsync(context.GetPrincipal().IdentityId, id, new TusPatch(offset, request.ContentLength, checksum, request.Body));
        if (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body; what arrived is kept and a HEAD will tell it where to resume.
            return Results.Empty;
        }

        if (result.Status != TusStatus.Ok)
        {
            return TusAnswers.Problem(result.Status, result.Session, tus.MaxSize);
        }

        TusAnswers.WriteUploadHeaders(context.Response, result.Session!);
        return Results.NoContent();
    }
}
