using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>GET /ops/identities/{id}/usage</c> → 200 <c>{"identityId","periodStart","usage":{storedBytes, pinnedBytes,
/// ingressBytes, egressBytes, requests},"quota":{the same keys, null = unlimited}}</c>; 404 <c>identity_not_found</c>.
/// </summary>
internal static class GetUsage
{
    public const string Name = "OpsGetUsage";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/identities/{id}/usage", HandleAsync).AsFunction(Name).Produces<UsageResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> HandleAsync(string id, IdentityStore identities, UsageStore usage, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is null)
        {
            return IdentityNotFound();
        }

        var (used, quota) = await usage.GetAsync(id, cancellationToken);
        return Answer(id, used, quota);
    }

    /// <summary>404 <c>identity_not_found</c>.</summary>
    public static IResult IdentityNotFound() =>
        GatewayErrors.Problem(StatusCodes.Status404NotFound, "identity_not_found", "No identity has this id.");

    /// <summary>The usage answer.</summary>
    public static IResult Answer(string id, Usage used, Quota quota) => Results.Json(
        new UsageResponse(
            id,
            used.PeriodStart,
            new UsageCountersBody(used.StoredBytes, used.PinnedBytes, used.IngressBytes, used.EgressBytes, used.Requests),
            new QuotaBody(quota.StoredBytes, quota.PinnedBytes, quota.IngressBytes, quota.EgressBytes, quota.Requests)),
        OpsJsonContext.Default.UsageResponse);
}
