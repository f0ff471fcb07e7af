using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary><c>gatewayctl gw3-keys issue IDENTITY</c> → <c>POST /ops/identities/{id}/gw3-keys</c>: a Gateway3 access key
/// and secret (the secret shown once).</summary>
internal static class IssueGw3KeyCommand
{
    public static Command Create(CtlContext context) =>
        IdentityRouteCommand.Create(context, "issue", "Issue a Gateway3 access key and secret for an identity (the secret is shown once).", HttpMethod.Post, "gw3-keys");
}
