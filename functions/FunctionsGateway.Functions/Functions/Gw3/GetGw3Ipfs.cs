using FunctionsGateway.Functions.Functions.Ipfs;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>GET|HEAD /gw3/ipfs/{cid}?ts=&amp;filename=&amp;format=</c>: the path gateway's answer for the CID (<c>filename</c>,
/// <c>format=car</c>, ranges, …), errors in Gateway3's envelope.
/// </summary>
internal static class GetGw3Ipfs
{
    public const string Name = "Gw3IpfsGet";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/ipfs/{cid}", [HttpMethods.Get, HttpMethods.Head], (string cid, HttpContext context, CancellationToken cancellationToken) =>
                IpfsGatewayRequest.HandleAsync(context, cid, null, cancellationToken))
            .AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces<Gw3Response>(StatusCodes.Status404NotFound);
}
