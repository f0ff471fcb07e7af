using System.Globalization;
using System.Net.Http.Headers;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>POST /uploads/tus/</c> (tus creation): <c>Upload-Length</c> required (deferred length is not served),
/// <c>Upload-Metadata</c> may name the file (<c>filename</c>) and its type (<c>filetype</c>). → 201 with a relative
/// <c>Location</c> (<c>/uploads/tus/{id}</c>) and <c>Upload-Expires</c>; a length over <c>Tus-Max-Size</c> → 413
/// before anything is created.
/// </summary>
internal static class CreateTusUpload
{
    public const string Name = "TusCreate";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(HttpContext context, TusUploadService tus, CancellationToken cancellationToken)
    {
        var headers = context.Request.Headers;
        if (!TusProtocol.TryParseSize(headers[TusProtocol.UploadLengthHeader], out var length))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_upload_length", headers.ContainsKey(TusProtocol.UploadDeferLengthHeader)
                ? "Upload-Defer-Length is not supported; send Upload-Length."
                : "Upload-Length must be the upload's size in bytes.");
        }

        if (!TusMetadata.TryParse(headers[TusProtocol.UploadMetadataHeader], out var metadata, out var error))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_metadata", error);
        }

        if (metadata.FileName is { } fileName && !FileNames.IsValid(fileName))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_name", FileNames.Rule);
        }

        if (metadata.FileType is { } fileType && !MediaTypeHeaderValue.TryParse(fileType, out _))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_filetype", "The filetype metadata must be a media type.");
        }

        UploadSession session;
        try
        {
            session = await tus.CreateAsync(
                new TusCreation(context.GetPrincipal().IdentityId, length, metadata.FileName, metadata.FileType, metadata.Raw), cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            context.Response.Headers[TusProtocol.MaxSizeHeader] = tus.MaxSize.ToString(CultureInfo.InvariantCulture);
            return GatewayErrors.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", e.Message);
        }

        TusAnswers.WriteUploadHeaders(context.Response, session);
        return Results.Created($"/uploads/tus/{session.Id}", (object?)null);
    }
}
