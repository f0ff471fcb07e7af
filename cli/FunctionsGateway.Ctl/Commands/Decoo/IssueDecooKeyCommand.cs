using System.CommandLine;
using FunctionsGateway.Ctl.Commands.Identities;

namespace FunctionsGateway.Ctl.Commands.Decoo;

/// <summary><c>gatewayctl decoo-keys issue IDENTITY</c> → <c>POST /ops/identities/{id}/decoo-keys</c>: a Decoo API key
/// (shown once).</summary>
internal static class IssueDecooKeyCommand
{
    public static Command Create(CtlContext context)
    {
        var identity = IdentityArgument.Create();
        var command = new OpsRouteCommand("issue", "Issue a Decoo API key for an identity (shown once).", "POST /ops/identities/{id}/decoo-keys") { identity };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            new OpsRequest(HttpMethod.Post, $"/ops/identities/{OpsRequest.Segment(parse.GetValue(identity)!)}/decoo-keys"),
            cancellationToken));
        return command;
    }
}
