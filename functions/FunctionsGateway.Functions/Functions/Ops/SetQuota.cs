using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>PUT /ops/identities/{id}/quota</c> with <c>{"storedBytes","pinnedBytes","ingressBytes","egressBytes","requests"}</c>
/// (each a number ≥ 0, or null / left out for unlimited; the body replaces the whole quota) → 200 with the usage answer
/// of <see cref="GetUsage"/>; 400 <c>invalid_quota</c>; 404 <c>identity_not_found</c>. Counters are kept: a quota
/// below what is already used refuses further use, it removes nothing.
/// </summary>
internal static class SetQuota
{
    public const string Name = "OpsSetQuota";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/identities/{id}/quota", HandleAsync).AsFunction(Name)
            .Accepts<QuotaBody>("application/json")
            .Produces<UsageResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> HandleAsync(string id, QuotaBody? body, IdentityStore identities, UsageStore usage, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_quota", "The body must be a JSON object of caps (storedBytes, pinnedBytes, ingressBytes, egressBytes, requests).");
        }

        var quota = new Quota(body.StoredBytes, body.PinnedBytes, body.IngressBytes, body.EgressBytes, body.Requests);
        if (quota.FirstNegative() is { } negative)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_quota", $"\"{char.ToLowerInvariant(negative.ToString()[0])}{negative.ToString()[1..]}\" must be at least 0, or null for unlimited.");
        }

        if (await identities.GetAsync(id, cancellationToken) is null)
        {
            return GetUsage.IdentityNotFound();
        }

        var (used, set) = await usage.SetQuotaAsync(id, quota, cancellationToken);
        return GetUsage.Answer(id, used, set);
    }
}
