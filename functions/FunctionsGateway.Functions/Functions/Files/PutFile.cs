using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary>
/// <c>PUT /v1/files/{name}?backend=</c>: the raw body is streamed through the upload pipeline; 201
/// <c>{"id","name","size","sha256","state"}</c> once the bytes are committed and the push is queued.
/// Each upload is a new file, even under a name already used. <c>backend</c> (optional) names where the file goes
/// (<c>local</c>, <c>ipfs</c>, …); unknown or not configured → 400 <c>unknown_backend</c>.
/// </summary>
internal static class PutFile
{
    public const string Name = "FilesPut";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/{name}", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Accepts<Stream>(isOptional: true, "application/octet-stream", "*/*")
            .Produces<FileResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(string name, string? backend, HttpContext context, UploadPipeline pipeline, CancellationToken cancellationToken)
    {
        // Routing decodes every escape but %2F: a name holding it is a path, not one file name.
        if (!FileNames.IsValidPathSegment(name))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_name", FileNames.Rule);
        }

        var request = context.Request;
        try
        {
            var record = await pipeline.UploadAsync(
                new UploadRequest(context.GetPrincipal().IdentityId, name, request.Body, request.ContentLength, request.ContentType, backend),
                cancellationToken);
            return Results.Created($"/v1/files/{record.Id}", FileResponse.From(record));
        }
        catch (UploadTooLargeException e)
        {
            return GatewayErrors.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", e.Message);
        }
        catch (UnknownBackendException e)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "unknown_backend", e.Message);
        }
    }
}
