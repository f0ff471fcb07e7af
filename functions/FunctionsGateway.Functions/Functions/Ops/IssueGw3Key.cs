using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>POST /ops/identities/{id}/gw3-keys</c> → 201 <c>{"id","accessKey","accessSecret"}</c>: a Gateway3 access key and
/// secret for the <c>/gw3</c> surface, the secret shown once (kept sealed at rest). Revoked by <c>DELETE /ops/credentials/{id}</c>.
/// </summary>
internal static class IssueGw3Key
{
    public const string Name = "OpsIssueGw3Key";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/identities/{id}/gw3-keys", HandleAsync).AsFunction(Name).Produces<IssuedGw3KeyResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(string id, IdentityStore identities, Gw3AccessKeyScheme keys, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status404NotFound, "identity_not_found", "No identity has this id.");
        }

        var (credential, accessKey, accessSecret) = await keys.IssueAsync(id, cancellationToken);
        return Results.Created($"/ops/credentials/{credential.Id}", new IssuedGw3KeyResponse(credential.Id, accessKey, accessSecret));
    }
}
