using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/block/get?arg=&lt;cid&gt;</c>: one raw block from the public blockstore. A file whose blocks are
/// not stored yet, and any private file, has no block to give: 404 in Kubo's words.
/// </summary>
internal static class KuboBlockGet
{
    public const string Name = "KuboBlockGet";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/block/get", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status200OK, contentType: "text/plain");

    private static Task<IResult> HandleAsync(HttpContext context, IpfsContentResolver resolver, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (_, options) =>
        {
            var content = await resolver.ResolveAsync(options.RequiredPath("cid"), readerId: null, cancellationToken);
            if (content.Kind == IpfsContentKind.Unsupported)
            {
                return KuboErrorBody.Result(StatusCodes.Status400BadRequest, content.Message!);
            }

            if (content.Kind is IpfsContentKind.NotFound or IpfsContentKind.PendingFile)
            {
                return KuboErrorBody.Result(StatusCodes.Status404NotFound, $"block was not found locally (offline): ipld: could not find {content.Terminal}");
            }

            var block = content.Block;
            return new KuboBytesResult(block.Length, (body, ct) => body.WriteAsync(block, ct).AsTask());
        });
}
