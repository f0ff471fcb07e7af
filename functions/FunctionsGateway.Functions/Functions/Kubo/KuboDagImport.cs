using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/dag/import</c>: multipart CAR files, all verified block by block before any block is stored;
/// one <c>{"Root":{"Cid":{"/":"…"},"PinErrorMsg":""}}</c> line per root when <c>pin-roots</c> (default true), a
/// <c>{"Stats":…}</c> line with <c>stats=true</c>. A bad CAR → 400 naming the block, and nothing is kept.
/// </summary>
internal static class KuboDagImport
{
    public const string Name = "KuboDagImport";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/dag/import", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Produces<KuboImportRootEvent>(StatusCodes.Status200OK, "application/json");

    private static Task<IResult> HandleAsync(HttpContext context, CarImporter importer, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (stream, options) =>
        {
            var (pinRoots, silent, stats) = (options.Bool("pin-roots", true), options.Bool("silent", false), options.Bool("stats", false));
            var parts = MultipartFileReader.Create(context.Request.ContentType, context.Request.Body);
            var result = await importer.ImportAsync(context.GetPrincipal().IdentityId, parts, pinRoots, cancellationToken);
            foreach (var root in silent || !pinRoots ? [] : result.Roots)
            {
                var line = new KuboImportRootEvent(new KuboImportRoot(new KuboCidLink(root.Cid.ToString()), root.PinError));
                await stream.WriteAsync(line, KuboJsonContext.Default.KuboImportRootEvent, cancellationToken);
            }

            if (!silent && stats)
            {
                var line = new KuboImportStatsEvent(new KuboImportStats(result.BlockCount, result.BlockBytes));
                await stream.WriteAsync(line, KuboJsonContext.Default.KuboImportStatsEvent, cancellationToken);
            }

            return stream.Complete();
        });
}
