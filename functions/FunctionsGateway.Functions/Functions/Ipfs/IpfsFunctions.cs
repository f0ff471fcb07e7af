namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// The path gateway and trustless gateway (https://specs.ipfs.tech/http-gateways/path-gateway/,
/// https://specs.ipfs.tech/http-gateways/trustless-gateway/): public, no credentials, errors in plain text.
/// Two functions because a route with a catch-all path and the bare root are two templates to the Functions host.
/// </summary>
internal static class IpfsFunctions
{
    public static IEndpointRouteBuilder MapIpfsFunctions(this IEndpointRouteBuilder routes)
    {
        var ipfs = routes.MapGroup("/ipfs").WithTags("IPFS gateway").WithMetadata(IpfsGatewayErrors.Instance);
        GetIpfsRoot.Map(ipfs);
        GetIpfsPath.Map(ipfs);
        return routes;
    }
}
