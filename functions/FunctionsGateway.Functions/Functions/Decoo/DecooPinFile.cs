using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// <c>POST /decoo/pinning/pinFile</c> (header <c>UserAccessToken</c>; multipart <c>file</c>, then <c>cid</c>, <c>secret</c>,
/// <c>decooMetadata</c>) → <c>{"PinHash","PinSize","PinDate"}</c>: the file streams through the upload pipeline and is
/// kept only when <c>secret</c> is <c>cid</c> encrypted with the caller's RSA key and <c>cid</c> is the file's CID; a pin
/// job is queued for it. Otherwise 400 (403 without a registered key) and nothing is stored.
/// </summary>
internal static class DecooPinFile
{
    public const string Name = "DecooPinFile";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pinning/pinFile", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Accepts<Stream>("multipart/form-data")
            .Produces<DecooPinFileResponse>()
            .Produces<DecooError>(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(HttpContext context, DecooPinService service, CancellationToken cancellationToken)
    {
        var (file, cid, _) = await service.PinFileAsync(context.GetPrincipal().IdentityId, context.Request.ContentType, context.Request.Body, cancellationToken);
        var response = new DecooPinFileResponse(cid, file.DagSize ?? file.Size, DecooEnvelope.Date(file.CreatedAt));
        return Results.Json(response, DecooJsonContext.Default.DecooPinFileResponse);
    }
}
