using System.CommandLine;
using FunctionsGateway.Ctl.Commands.Identities;

namespace FunctionsGateway.Ctl.Commands.Quotas;

/// <summary><c>gatewayctl usage show IDENTITY</c> → <c>GET /ops/identities/{id}/usage</c>: the identity's counters this
/// period and its quota.</summary>
internal static class ShowUsageCommand
{
    public static Command Create(CtlContext context)
    {
        var identity = IdentityArgument.Create();
        var command = new OpsRouteCommand("show", "Show an identity's usage this period and its quota.", "GET /ops/identities/{id}/usage") { identity };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            new OpsRequest(HttpMethod.Get, $"/ops/identities/{OpsRequest.Segment(parse.GetValue(identity)!)}/usage"),
            cancellationToken));
        return command;
    }
}
