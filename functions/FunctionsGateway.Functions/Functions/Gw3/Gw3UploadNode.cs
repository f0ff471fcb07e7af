using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Functions.Kubo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>POST|PUT|DELETE /gw3/upload?sargs=&amp;ssig=</c>: step two of a two-step write, at the URL step one answered. The URL's
/// own signature and expiry authorize it (no access headers needed, as with gw3's node URLs), and its access key must
/// still be active. The body is the file (raw, as the SDKs send it, or the multipart part <c>file</c>, as curl sends it)
/// or the CAR; it goes through the upload pipeline. Answers: the CID or new root in <c>ipfs-hash</c> (and <c>location</c>
/// after a PUT), or the import's <c>{"Stats":…}</c>.
/// </summary>
internal static class Gw3UploadNode
{
    public const string Name = "Gw3UploadNode";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/upload", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete], HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Accepts<Stream>(isOptional: true, "application/octet-stream", "multipart/form-data")
            .Produces<Gw3Response<Gw3CidData>>();

    private static async Task<IResult> HandleAsync(HttpContext context, Gw3ContentService service, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var ticket = await service.RedeemAsync(request.Query["sargs"], request.Query["ssig"], cancellationToken);
        if (ticket.Operation == Gw3UploadOperation.Delete)
        {
            return Answer(context, await service.DeleteAsync(ticket, cancellationToken), location: null);
        }

        var (body, length, contentType, name) = (request.Body, request.ContentLength, request.ContentType, "file");
        if (MultipartFileReader.TryCreate(request.ContentType, request.Body, out var parts))
        {
            var part = await parts.ReadNextAsync(cancellationToken) ?? throw new RpcRequestException("the multipart body has no file part");
            (body, length, contentType, name) = (part.Body, null, part.ContentType, part.Path.Length > 0 ? part.Path : name);
        }

        switch (ticket.Operation)
        {
            case Gw3UploadOperation.DagImport:
                var imported = await service.ImportCarAsync(ticket, body, cancellationToken);
                return Results.Json(new KuboImportStatsEvent(new KuboImportStats(imported.BlockCount, imported.BlockBytes)), KuboJsonContext.Default.KuboImportStatsEvent);
            case Gw3UploadOperation.Put:
                var root = await service.PutFileAsync(ticket, body, length, contentType, cancellationToken);
                return Answer(context, root, $"/ipfs/{root}{ticket.Path}");
            default:
                return Answer(context, await service.AddFileAsync(ticket, name, body, length, contentType, cancellationToken), location: null);
        }
    }

    private static IResult Answer(HttpContext context, Core.Content.Multiformats.Cid cid, string? location)
    {
        context.Response.Headers["ipfs-hash"] = cid.ToString();
        if (location is not null)
        {
            context.Response.Headers.Location = location;
        }

        return Gw3Envelope.Ok(new Gw3CidData(cid.ToString()), Gw3JsonContext.Default.Gw3ResponseGw3CidData);
    }
}
