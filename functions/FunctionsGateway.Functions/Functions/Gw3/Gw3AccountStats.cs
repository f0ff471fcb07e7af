using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>GET /gw3/account/api/v0/stats?ts=</c> (gw3's <c>account.gw3.io/api/v0/stats</c>): the identity's name and its pins'
/// count and bytes, the period's ingress and egress (its usage, <c>/ops/identities/{id}/usage</c>) and the limits its
/// quota sets; plan, billing and IPNS fields this gateway does not have are empty or 0 (limit 0 = none).
/// </summary>
internal static class Gw3AccountStats
{
    public const string Name = "Gw3AccountStats";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/account/api/v0/stats", HandleAsync).AsFunction(Name).Produces<Gw3Response<Gw3Stats>>();

    private static async Task<IResult> HandleAsync(HttpContext context, IdentityStore identities, Gw3ContentService service, UsageStore usage, CancellationToken cancellationToken)
    {
        var identityId = context.GetPrincipal().IdentityId;
        var identity = await identities.GetAsync(identityId, cancellationToken);
        var pins = await service.ListPinsAsync(identityId, cancellationToken);
        var (used, quota) = await usage.GetAsync(identityId, cancellationToken);
        var stats = new Gw3Stats(
            identity?.Name ?? "", "functionsgateway", "", false, "", 0, "", "", 0,
            pins.Count, 0, pins.Sum(p => p.Size), quota.PinnedBytes ?? 0, used.IngressBytes, quota.IngressBytes ?? 0, used.EgressBytes, quota.EgressBytes ?? 0, 0, 0);
        return Gw3Envelope.Ok(stats, Gw3JsonContext.Default.Gw3ResponseGw3Stats);
    }
}
