using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>POST /gw3/ipfs/?size=&amp;ts=</c>: step one of an upload → <c>data.url</c>; the body POSTed there is added as a file and
/// its CID answered in the <c>ipfs-hash</c> header.
/// </summary>
internal static class PostGw3Ipfs
{
    public const string Name = "Gw3IpfsUpload";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ipfs", (HttpContext context, Gw3ContentService service) => Gw3TwoStep.Begin(context, service, Gw3UploadOperation.Add))
            .AsFunction(Name)
            .Produces<Gw3Response<Gw3UrlData>>();
}
