using FunctionsGateway.Core.Uploads.Direct;
using FunctionsGateway.Functions.Functions.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>POST /uploads/{id}/complete</c>: the client has committed the blob (Put Block List on its SAS URL); the gateway
/// hashes it, records the file and queues its push → 201 with the body of <c>PUT /v1/files/{name}</c>. Completing
/// again → 200 with the same file. Not committed yet, or not the declared size → 409; expired → 410.
/// </summary>
internal static class CompleteDirectUpload
{
    public const string Name = "UploadsComplete";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id}/complete", HandleAsync).AsFunction(Name)
            .Produces<FileResponse>(StatusCodes.Status201Created)
            .Produces<FileResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> HandleAsync(string id, HttpContext context, DirectUploadService direct, CancellationToken cancellationToken)
    {
        var result = await direct.CompleteAsync(context.GetPrincipal().IdentityId, id, cancellationToken);
        return result.Status switch
        {
            DirectCompletionStatus.Completed => Results.Created($"/v1/files/{result.File!.Id}", FileResponse.From(result.File)),
            DirectCompletionStatus.AlreadyCompleted => Results.Ok(FileResponse.From(result.File!)),
            DirectCompletionStatus.NotFound => GatewayErrors.Problem(StatusCodes.Status404NotFound, "upload_not_found", "No such upload."),
            DirectCompletionStatus.Expired => GatewayErrors.Problem(StatusCodes.Status410Gone, "upload_expired",
                "The upload expired before it was completed; start a new one."),
            DirectCompletionStatus.NotCommitted => GatewayErrors.Problem(StatusCodes.Status409Conflict, "upload_not_committed",
                "The blob has not been committed: stage its blocks with Put Block and commit them with Put Block List on blobUrl first."),
            DirectCompletionStatus.SizeMismatch => GatewayErrors.Problem(StatusCodes.Status409Conflict, "size_mismatch",
                $"The committed blob has {result.Committed} bytes; the upload declared {result.Declared}."),
            DirectCompletionStatus.Changed => GatewayErrors.Problem(StatusCodes.Status409Conflict, "upload_changed",
                "The blob was rewritten while it was being completed; complete it again once nothing writes to it."),
            DirectCompletionStatus.TooLarge => GatewayErrors.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                "The committed blob is over the size limit and has been deleted."),
            _ => throw new InvalidOperationException($"Unexpected completion status {result.Status}."),
        };
    }
}
