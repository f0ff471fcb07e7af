using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary><c>gatewayctl tokens issue IDENTITY</c> → <c>POST /ops/identities/{id}/tokens</c>: a bearer token for the
/// files API, Kubo RPC and <c>/psa</c>, shown once.</summary>
internal static class IssueTokenCommand
{
    public static Command Create(CtlContext context) =>
        IdentityRouteCommand.Create(context, "issue", "Issue a bearer token for an identity (shown once).", HttpMethod.Post, "tokens");
}
