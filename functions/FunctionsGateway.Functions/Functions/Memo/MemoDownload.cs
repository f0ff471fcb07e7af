using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/{mefs|ipfs}/{mid}</c> → the bytes, <c>Content-Disposition: attachment; filename="…"</c> and the
/// name's Content-Type (compat §2.4). The caller's own object, or public content for anyone; a DID caller pays
/// with a traffic voucher (<c>?size=&amp;sign=</c>) when the chain is configured (compat §2.5).
/// </summary>
internal static class MemoDownload
{
    public const string Name = "MemoDownload";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{storage}/{mid}", HandleAsync).AsFunction(Name)
            .AllowMemoCaller()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");

    private static async Task<IResult> HandleAsync(string storage, string mid, string? size, string? sign, HttpContext context, MemoFileService files, CancellationToken cancellationToken)
    {
        var (file, content) = await files.DownloadAsync(MemoStorage.Parse(storage), mid, context.FindMemoCaller(), size, sign, cancellationToken);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.Name);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.ContentLength = file.Size;
        return Results.Stream(content.Content, MemoContentType(file));
    }

    private static string MemoContentType(Core.Uploads.FileRecord file) =>
        file.ContentType is { Length: > 0 } type && type != "application/octet-stream" ? type : Core.Memo.Files.MemoContentTypes.FromName(file.Name);
}
