using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>DELETE /uploads/tus/{id}</c> (tus termination) → 204: the staged blocks are discarded and later requests get
/// 404. While a PATCH holds the upload → 409. A finished upload's file is kept (delete it at <c>/v1/files/{id}</c>).
/// </summary>
internal static class TerminateTusUpload
{
    public const string Name = "TusDelete";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/{id}", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status204NoContent);

    internal static async Task<IResult> HandleAsync(string id, HttpContext context, TusUploadService tus, CancellationToken cancellationToken)
    {
        var result = await tus.TerminateAsync(context.GetPrincipal().IdentityId, id, cancellationToken);
        return result.Status == TusStatus.Ok ? Results.NoContent() : TusAnswers.Problem(result.Status, result.Session, tus.MaxSize);
    }
}
