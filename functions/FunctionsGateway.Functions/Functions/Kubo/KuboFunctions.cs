using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// The Kubo-compatible RPC (https://docs.ipfs.tech/reference/kubo/rpc/) for uploads and pins: POST only, the files
/// API's bearer tokens, Kubo's error body on every answer (docs/compatibility.md, "Kubo RPC").
/// </summary>
internal static class KuboFunctions
{
    /// <summary>The commands this gateway serves, as their paths under <c>/api/v0/</c>.</summary>
    public static readonly string[] Commands = ["add", "cat", "block/get", "dag/import", "pin/add", "pin/rm", "pin/ls"];

    public static IEndpointRouteBuilder MapKuboFunctions(this IEndpointRouteBuilder routes)
    {
        var rpc = routes.MapGroup("/api/v0").WithTags("Kubo RPC").WithMetadata(KuboErrorBody.Instance)
            .RequireScheme<RouteGroupBuilder, BearerTokenScheme>("Bearer").RequireAdmission("kubo");
        KuboAdd.Map(rpc);
        KuboCat.Map(rpc);
        KuboBlockGet.Map(rpc);
        KuboDagImport.Map(rpc);
        KuboPinAdd.Map(rpc);
        KuboPinRm.Map(rpc);
        KuboPinLs.Map(rpc);
        KuboOtherRequests.Map(routes.MapGroup("/api/v0").WithTags("Kubo RPC").WithMetadata(KuboErrorBody.Instance));
        return routes;
    }
}
