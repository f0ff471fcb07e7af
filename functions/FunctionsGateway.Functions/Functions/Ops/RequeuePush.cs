using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Functions.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>POST /ops/files/{ownerId}/{fileId}/requeue</c> → 202 with the file's status: a push that ran out of attempts
/// (state <c>failed</c>, its message in the poison queue) gets a fresh retry budget; see <see cref="PushRequeuer"/>.
/// An unknown file → 404; a stored one → 409; a push running right now → 409, try again.
/// </summary>
internal static class RequeuePush
{
    public const string Name = "OpsRequeuePush";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/files/{ownerId}/{fileId}/requeue", HandleAsync).AsFunction(Name).Produces<FileStatusResponse>(StatusCodes.Status202Accepted);

    private static async Task<IResult> HandleAsync(string ownerId, string fileId, PushRequeuer requeuer, CancellationToken cancellationToken)
    {
        var result = await requeuer.RequeueAsync(ownerId, fileId, cancellationToken);
        return result.Status switch
        {
            PushRequeueStatus.Requeued => Results.Accepted($"/v1/files/{fileId}/status", FileStatusResponse.From(result.Record!)),
            PushRequeueStatus.AlreadyStored => GatewayErrors.Problem(StatusCodes.Status409Conflict, "file_stored", "The backend already holds this file; there is no push to re-queue."),
            PushRequeueStatus.Conflict => GatewayErrors.Problem(StatusCodes.Status409Conflict, "file_busy", "The file changed while being re-queued (a push is running); try again."),
            _ => GatewayErrors.Problem(StatusCodes.Status404NotFound, "file_not_found", "No file of this owner has this id."),
        };
    }
}
