using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// <c>HEAD /uploads/tus/{id}</c> → 200 with Upload-Offset, Upload-Length, Upload-Metadata (as sent), Upload-Expires
/// and <c>Cache-Control: no-store</c>; a finished upload adds X-File-Id and X-File-Location. Unknown → 404, expired → 410.
/// </summary>
internal static class GetTusUploadOffset
{
    public const string Name = "TusHead";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{id}", [HttpMethods.Head], HandleAsync).AsFunction(Name).Produces(StatusCodes.Status200OK);

    internal static async Task<IResult> HandleAsync(string id, HttpContext context, TusUploadService tus, CancellationToken cancellationToken)
    {
        var result = await tus.GetAsync(context.GetPrincipal().IdentityId, id, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        if (result.Status != TusStatus.Ok)
        {
            return TusAnswers.Problem(result.Status, result.Session, tus.MaxSize);
        }

        var session = result.Session!;
        TusAnswers.WriteUploadHeaders(context.Response, session);
        if (session.Metadata is { } metadata)
        {
            context.Response.Headers[TusProtocol.UploadMetadataHeader] = metadata;
        }

        return Results.Ok();
    }
}
