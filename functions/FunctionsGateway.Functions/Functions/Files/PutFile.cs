using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary>
/// <c>PUT /v1/files/{name}</c>: the raw body is streamed through the upload pipeline; 201
/// <c>{"id","name","size","sha256","state"}</c> once the bytes are committed and the push is queued.
/// Each upload is a new file, even under a name already used.
/// </summary>
internal static class PutFile
{
    public const string Name = "FilesPut";

    private const int MaxNameLength = 255;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/{name}", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Accepts<Stream>(isOptional: true, "application/octet-stream", "*/*")
            .Produces<FileResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(string name, HttpContext context, UploadPipeline pipeline, CancellationToken cancellationToken)
    {
        if (!IsValidName(name))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_name",
                $"The file name must be 1 to {MaxNameLength} characters, not '.' or '..', without control characters or slashes.");
        }

        var request = context.Request;
        try
        {
            var record = await pipeline.UploadAsync(
                new UploadRequest(context.GetPrincipal().IdentityId, name, request.Body, request.ContentLength, request.ContentType),
                cancellationToken);
            return Results.Created($"/v1/files/{record.Id}", FileResponse.From(record));
        }
        catch (UploadTooLargeException e)
        {
            return GatewayErrors.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", e.Message);
        }
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && name is not ("." or "..")
        && !name.Any(c => char.IsControl(c) || c is '/' or '\\');
}
