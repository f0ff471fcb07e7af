using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>POST /ops/identities/{id}/decoo-keys</c> → 201 <c>{"id","apiKey"}</c>: a Decoo API key (an HS256 JWT) for the
/// <c>/decoo</c> surface, shown once (its secret kept sealed). Revoked by <c>DELETE /ops/credentials/{id}</c>, which
/// also ends the access tokens issued for it.
/// </summary>
internal static class IssueDecooKey
{
    public const string Name = "OpsIssueDecooKey";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/identities/{id}/decoo-keys", HandleAsync).AsFunction(Name).Produces<IssuedDecooKeyResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(string id, IdentityStore identities, DecooApiKeyScheme keys, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status404NotFound, "identity_not_found", "No identity has this id.");
        }

        var (credential, apiKey) = await keys.IssueAsync(id, cancellationToken);
        return Results.Created($"/ops/credentials/{credential.Id}", new IssuedDecooKeyResponse(credential.Id, apiKey));
    }
}
