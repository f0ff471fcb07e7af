using FunctionsGateway.Functions.Functions.Ipfs;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary><c>GET|HEAD /gw3/ipfs/{cid}/{path}?ts=</c>: the content at a path under a CID, as the path gateway serves it.</summary>
internal static class GetGw3IpfsPath
{
    public const string Name = "Gw3IpfsGetPath";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/ipfs/{cid}/{*path}", [HttpMethods.Get, HttpMethods.Head], (string cid, string? path, HttpContext context, CancellationToken cancellationToken) =>
                IpfsGatewayRequest.HandleAsync(context, cid, "/" + path, cancellationToken))
            .AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces<Gw3Response>(StatusCodes.Status404NotFound);
}
