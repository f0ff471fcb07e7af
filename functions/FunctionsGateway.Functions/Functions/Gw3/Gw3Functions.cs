using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// The Gateway3 surface (spec/compat.md §4) under <c>/gw3</c>: every route needs an access key (<see cref="Gw3AccessKeyScheme"/>)
/// and <c>ts</c>, except the upload URLs of two-step writes, which carry their own signature; every answer is in
/// Gateway3's envelope (<see cref="Gw3Envelope"/>). The account API (<c>account.gw3.io</c>) is under <c>/gw3/account</c>.
/// </summary>
internal static class Gw3Functions
{
    /// <summary>The surface's name for rate limits (<c>Gateway:RateLimits:Limits:gw3</c>).</summary>
    public const string Surface = "gw3";

    public static IEndpointRouteBuilder MapGw3Functions(this IEndpointRouteBuilder routes)
    {
        var gw3 = routes.MapGroup("/gw3").WithTags("Gateway3").WithMetadata(Gw3Envelope.Instance)
            .RequireScheme<RouteGroupBuilder, Gw3AccessKeyScheme>(Gw3AccessKeyScheme.KeyHeader).RequireAdmission(Surface);
        gw3.AddEndpointFilter(Gw3Envelope.MapFailuresAsync);
        GetGw3Ipfs.Map(gw3);
        GetGw3IpfsPath.Map(gw3);
        PostGw3Ipfs.Map(gw3);
        PutGw3IpfsPath.Map(gw3);
        DeleteGw3IpfsPath.Map(gw3);
        Gw3DagGet.Map(gw3);
        Gw3DagImport.Map(gw3);
        Gw3PinAdd.Map(gw3);
        Gw3PinRm.Map(gw3);
        Gw3FolderOperation.Map(gw3);
        Gw3AccountStats.Map(gw3);
        Gw3AccountPins.Map(gw3);

        var upload = routes.MapGroup("/gw3").WithTags("Gateway3").WithMetadata(Gw3Envelope.Instance).RequireAdmission(Surface);
        upload.AddEndpointFilter(Gw3Envelope.MapFailuresAsync);
        Gw3UploadNode.Map(upload);
        return routes;
    }

    /// <summary>The scheme, host and path base of the request: where this gateway's upload URLs point by default.</summary>
    public static string RequestBase(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
