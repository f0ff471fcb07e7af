using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary><c>POST /ops/identities/{id}/tokens</c> → 201 <c>{"id","token"}</c>: a bearer token for the files API, shown once.</summary>
internal static class IssueToken
{
    public const string Name = "OpsIssueToken";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/identities/{id}/tokens", HandleAsync).AsFunction(Name).Produces<IssuedTokenResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(string id, IdentityStore identities, BearerTokenScheme tokens, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status404NotFound, "identity_not_found", "No identity has this id.");
        }

        var (credential, token) = await tokens.IssueAsync(id, cancellationToken: cancellationToken);
        return Results.Created($"/ops/credentials/{credential.Id}", new IssuedTokenResponse(credential.Id, token));
    }
}
