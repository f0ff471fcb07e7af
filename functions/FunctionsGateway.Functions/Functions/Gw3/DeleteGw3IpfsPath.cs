using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>DELETE /gw3/ipfs/{root}/{path}?ts=</c>: step one of removing an entry from a UnixFS directory → <c>data.url</c>; a request
/// to that URL gives the new root in <c>ipfs-hash</c>.
/// </summary>
internal static class DeleteGw3IpfsPath
{
    public const string Name = "Gw3IpfsDelete";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/ipfs/{root}/{*path}", (string root, string? path, HttpContext context, Gw3ContentService service) =>
                Gw3TwoStep.Begin(context, service, Gw3UploadOperation.Delete, root, "/" + path))
            .AsFunction(Name)
            .Produces<Gw3Response<Gw3UrlData>>();
}
