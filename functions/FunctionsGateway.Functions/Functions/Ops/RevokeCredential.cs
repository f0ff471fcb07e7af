using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary><c>DELETE /ops/credentials/{credentialId}</c> → 204: revokes any kind of credential.</summary>
internal static class RevokeCredential
{
    public const string Name = "OpsRevokeCredential";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/credentials/{credentialId}", HandleAsync).AsFunction(Name).Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> HandleAsync(string credentialId, CredentialStore credentials, CancellationToken cancellationToken) =>
        await credentials.RevokeAsync(credentialId, cancellationToken)
            ? Results.NoContent()
            : GatewayErrors.Problem(StatusCodes.Status404NotFound, "credential_not_found", "No credential has this id.");
}
