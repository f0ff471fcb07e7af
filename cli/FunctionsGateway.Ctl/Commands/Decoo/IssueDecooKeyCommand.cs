using System.CommandLine;
using FunctionsGateway.Ctl.Commands.Identities;

namespace FunctionsGateway.Ctl.Commands.Decoo;

/// <summary><c>gatewayctl decoo-keys issue IDENTITY</c> → <c>POST /ops/identities/{id}/decoo-keys</c>: a Decoo API key
/// (shown once).</summary>
internal static class IssueDecooKeyCommand
{
    public static Command Create(CtlContext context) =>
        IdentityRouteCommand.Create(context, "issue", "Issue a Decoo API key for an identity (shown once).", HttpMethod.Post, "decoo-keys");
}
