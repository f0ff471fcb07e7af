using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary><c>GET|HEAD /ipfs/{cid}</c> (and <c>/ipfs/{cid}/</c>): the content a CID names, in the negotiated format.</summary>
internal static class GetIpfsRoot
{
    public const string Name = "IpfsGet";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{cid}", [HttpMethods.Get, HttpMethods.Head], (string cid, HttpContext context, CancellationToken cancellationToken) =>
                IpfsGatewayRequest.HandleAsync(context, cid, null, cancellationToken))
            .AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status304NotModified)
            .Produces<string>(StatusCodes.Status404NotFound, "text/plain");
}
