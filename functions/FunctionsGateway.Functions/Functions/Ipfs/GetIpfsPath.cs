using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary><c>GET|HEAD /ipfs/{cid}/{path}</c>: the content at a path under a CID, resolved through UnixFS directories.</summary>
internal static class GetIpfsPath
{
    public const string Name = "IpfsGetPath";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{cid}/{*path}", [HttpMethods.Get, HttpMethods.Head], (string cid, string? path, HttpContext context, CancellationToken cancellationToken) =>
                IpfsGatewayRequest.HandleAsync(context, cid, "/" + path, cancellationToken))
            .AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status301MovedPermanently)
            .Produces(StatusCodes.Status206PartialContent)
            .Produces<string>(StatusCodes.Status404NotFound, "text/plain");
}
