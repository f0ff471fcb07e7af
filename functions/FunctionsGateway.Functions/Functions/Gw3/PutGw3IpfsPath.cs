using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>PUT /gw3/ipfs/{root}/{path}?size=&amp;ts=</c>: step one of adding a file at a path in a UnixFS directory → <c>data.url</c>;
/// the body sent there gives a new root in <c>ipfs-hash</c> and <c>location: /ipfs/&lt;new root&gt;/&lt;path&gt;</c>.
/// </summary>
internal static class PutGw3IpfsPath
{
    public const string Name = "Gw3IpfsPut";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/ipfs/{root}/{*path}", (string root, string? path, HttpContext context, Gw3ContentService service) =>
                Gw3TwoStep.Begin(context, service, Gw3UploadOperation.Put, root, "/" + path))
            .AsFunction(Name)
            .Produces<Gw3Response<Gw3UrlData>>();
}
