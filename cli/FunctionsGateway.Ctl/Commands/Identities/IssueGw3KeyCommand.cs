using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary><c>gatewayctl gw3-keys issue IDENTITY</c> → <c>POST /ops/identities/{id}/gw3-keys</c>: a Gateway3 access key
/// and secret (the secret shown once).</summary>
internal static class IssueGw3KeyCommand
{
    public static Command Create(CtlContext context)
    {
        var identity = IdentityArgument.Create();
        var command = new OpsRouteCommand("issue", "Issue a Gateway3 access key and secret for an identity (the secret is shown once).", "POST /ops/identities/{id}/gw3-keys") { identity };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            new OpsRequest(HttpMethod.Post, $"/ops/identities/{OpsRequest.Segment(parse.GetValue(identity)!)}/gw3-keys"),
            cancellationToken));
        return command;
    }
}
