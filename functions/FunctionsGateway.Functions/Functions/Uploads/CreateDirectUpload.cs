using System.Net.Http.Headers;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Core.Uploads.Direct;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>POST /uploads</c> <c>{"name","contentType"?,"size"?}</c> → 201 <c>{"uploadId","blobUrl","blockSizeBytes","expiresAt"}</c>:
/// <c>blobUrl</c> is a service SAS with create and write permission on the one staging blob of this upload. A declared
/// size over the limit → 413 at once; a credential that cannot sign a SAS (managed identity) → 501.
/// </summary>
internal static class CreateDirectUpload
{
    public const string Name = "UploadsCreate";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("", HandleAsync).AsFunction(Name)
            .Accepts<DirectUploadRequest>("application/json")
            .Produces<DirectUploadResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(DirectUploadRequest body, HttpContext context, DirectUploadService direct, CancellationToken cancellationToken)
    {
        if (!direct.IsAvailable)
        {
            return GatewayErrors.Problem(StatusCodes.Status501NotImplemented, "direct_upload_unavailable",
                "Direct uploads need a SAS, and this gateway's storage credential (a managed identity) cannot sign one; " +
                "user-delegation SAS is not implemented yet. Use tus at /uploads/tus/ instead.");
        }

        if (!FileNames.IsValid(body.Name))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_name", FileNames.Rule);
        }

        if (body.ContentType is { } contentType && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_content_type", "contentType must be a media type.");
        }

        if (body.Size is < 0)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_size", "size must be a number of bytes.");
        }

        try
        {
            var ticket = await direct.CreateAsync(
                new DirectUploadCreation(context.GetPrincipal().IdentityId, body.Name!, body.ContentType, body.Size), cancellationToken);
            return Results.Created(
                (string?)null,
                new DirectUploadResponse(ticket.Session.Id, ticket.BlobUrl.AbsoluteUri, ticket.BlockSizeBytes, ticket.ExpiresAt));
        }
        catch (UploadTooLargeException e)
        {
            return GatewayErrors.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", e.Message);
        }
    }
}
