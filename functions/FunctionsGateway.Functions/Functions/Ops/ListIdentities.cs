using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary><c>GET /ops/identities</c> → every identity, oldest first.</summary>
internal static class ListIdentities
{
    public const string Name = "OpsListIdentities";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/identities", HandleAsync).AsFunction(Name).Produces<IdentityListResponse>();

    private static async Task<IResult> HandleAsync(IdentityStore identities, CancellationToken cancellationToken)
    {
        var items = new List<IdentityResponse>();
        await foreach (var identity in identities.ListAsync(cancellationToken))
        {
            items.Add(new IdentityResponse(identity.Id, identity.Name, identity.CreatedAt));
        }

        return Results.Ok(new IdentityListResponse(items));
    }
}
