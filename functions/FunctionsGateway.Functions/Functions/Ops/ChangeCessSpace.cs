using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>POST /ops/cess/space</c> with <c>{"action":"buy","gib":N,"days":D}</c>, <c>{"action":"upgrade","gib":N}</c> or
/// <c>{"action":"renewal","days":D}</c>: the original's <c>buy</c> / <c>upgrade</c> / <c>renewal</c> as territory mint /
/// expand / renew, signed by the gateway account and waited for until included → 200 with the block and the territory
/// afterwards; 409 <c>chain_refused</c> with the dispatch error's name.
/// </summary>
internal static class ChangeCessSpace
{
    public const string Name = "OpsChangeCessSpace";

    /// <summary>A lease is at least 30 days on CESS (and the original's one month); renewals default to it too.</summary>
    public const uint DefaultDays = 30;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/cess/space", HandleAsync).AsFunction(Name)
            .Accepts<CessSpaceRequest>("application/json")
            .Produces<CessSpaceChangeResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> HandleAsync(CessSpaceRequest? body, HttpContext context, CessAccount account, CancellationToken cancellationToken)
    {
        if (!account.IsConfigured)
        {
            return CessSpaceErrors.NotConfigured();
        }

        var action = body?.Action?.Trim().ToLowerInvariant();
        if (action is not ("buy" or "upgrade" or "renewal"))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_action", "\"action\" must be \"buy\", \"upgrade\" or \"renewal\".");
        }

        if (action is "buy" or "upgrade" && body!.Gib is not > 0)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_gib", $"\"{action}\" needs \"gib\": the GiB to {(action == "buy" ? "buy" : "add")}, at least 1.");
        }

        if (body!.Days is 0)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_days", "\"days\" must be at least 1.");
        }

        try
        {
            var outcome = action switch
            {
                "buy" => await account.BuyAsync(body.Gib!.Value, body.Days ?? DefaultDays, cancellationToken),
                "upgrade" => await account.UpgradeAsync(body.Gib!.Value, cancellationToken),
                _ => await account.RenewAsync(body.Days ?? DefaultDays, cancellationToken),
            };
            if (!outcome.Succeeded)
            {
                return CessSpaceErrors.Refused(outcome.Error!.QualifiedName);
            }

            var territory = await account.GetTerritoryAsync(cancellationToken);
            return Results.Json(
                new CessSpaceChangeResponse(action, outcome.TransactionHash, outcome.BlockHash, outcome.BlockNumber, territory is null ? null : CessSpaceResponse.From(account, territory)),
                CessSpaceJsonContext.Default.CessSpaceChangeResponse);
        }
        catch (SubstrateRpcException e)
        {
            return CessSpaceErrors.Unavailable(context, e);
        }
    }
}
