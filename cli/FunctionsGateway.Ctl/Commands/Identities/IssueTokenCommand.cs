using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary><c>gatewayctl tokens issue IDENTITY</c> → <c>POST /ops/identities/{id}/tokens</c>: a bearer token for the
/// files API, Kubo RPC and <c>/psa</c>, shown once.</summary>
internal static class IssueTokenCommand
{
    public static Command Create(CtlContext context)
    {
        var identity = IdentityArgument.Create();
        var command = new OpsRouteCommand("issue", "Issue a bearer token for an identity (shown once).", "POST /ops/identities/{id}/tokens") { identity };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            new OpsRequest(HttpMethod.Post, $"/ops/identities/{OpsRequest.Segment(parse.GetValue(identity)!)}/tokens"),
            cancellationToken));
        return command;
    }
}
