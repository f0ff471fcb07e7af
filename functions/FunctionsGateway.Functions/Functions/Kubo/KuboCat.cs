using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/cat?arg=&lt;cid&gt;[/path]&amp;offset=&amp;length=</c>: the bytes of a UnixFS file that is public,
/// or that the caller uploaded itself (its own private files, found by CID through its CID-index entries).
/// </summary>
internal static class KuboCat
{
    public const string Name = "KuboCat";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/cat", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status200OK, contentType: "text/plain");

    private static Task<IResult> HandleAsync(HttpContext context, IpfsContentResolver resolver, IpfsFileReader reader, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (_, options) =>
        {
            var path = options.RequiredPath("ipfs-path");
            var offset = options.Int64OrNull("offset") ?? 0;
            var length = options.Int64OrNull("length");
            if (offset < 0 || length < 0)
            {
                return KuboErrorBody.Result(StatusCodes.Status400BadRequest, offset < 0 ? "cannot specify negative offset" : "cannot specify negative length");
            }

            var content = await resolver.ResolveAsync(path, context.GetPrincipal().IdentityId, cancellationToken);
            (int Status, string Message)? refusal = content.Kind switch
            {
                IpfsContentKind.NotFound => (StatusCodes.Status404NotFound, content.Message!),
                IpfsContentKind.Unsupported => (StatusCodes.Status400BadRequest, content.Message!),
                IpfsContentKind.Directory => (StatusCodes.Status400BadRequest, "this dag node is a directory"),
                IpfsContentKind.File or IpfsContentKind.PendingFile => null,
                _ => (StatusCodes.Status400BadRequest, $"{content.Terminal} is not a UnixFS file"),
            };
            if (refusal is { } refused)
            {
                return KuboErrorBody.Result(refused.Status, refused.Message);
            }

            if ((ulong)offset > content.Size)
            {
                return KuboErrorBody.Result(StatusCodes.Status400BadRequest, $"offset was past the end of file ({offset} > {content.Size})");
            }

            var available = (long)content.Size - offset;
            return new KuboBytesResult(
                Math.Min(length ?? available, available),
                (body, ct) => reader.CopyToAsync(content, body, (ulong)offset, (ulong?)length, ct));
        });
}
