using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>GET /ops/cess/space</c> → 200 the gateway account's territory (the original's <c>gateway space</c>, on
/// territories since CESS replaced space packages); 404 <c>no_territory</c> when none was bought.
/// </summary>
internal static class GetCessSpace
{
    public const string Name = "OpsGetCessSpace";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/cess/space", HandleAsync).AsFunction(Name).Produces<CessSpaceResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> HandleAsync(HttpContext context, CessAccount account, CancellationToken cancellationToken)
    {
        if (!account.IsConfigured)
        {
            return CessSpaceErrors.NotConfigured();
        }

        try
        {
            return await account.GetTerritoryAsync(cancellationToken) is { } territory
                ? Results.Json(CessSpaceResponse.From(account, territory), CessSpaceJsonContext.Default.CessSpaceResponse)
                : CessSpaceErrors.NoTerritory(account.Territory);
        }
        catch (SubstrateRpcException e)
        {
            return CessSpaceErrors.Unavailable(context, e);
        }
    }
}
