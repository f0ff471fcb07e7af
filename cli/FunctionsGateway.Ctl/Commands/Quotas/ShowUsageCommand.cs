using System.CommandLine;
using FunctionsGateway.Ctl.Commands.Identities;

namespace FunctionsGateway.Ctl.Commands.Quotas;

/// <summary><c>gatewayctl usage show IDENTITY</c> → <c>GET /ops/identities/{id}/usage</c>: the identity's counters this
/// period and its quota.</summary>
internal static class ShowUsageCommand
{
    public static Command Create(CtlContext context) =>
        IdentityRouteCommand.Create(context, "show", "Show an identity's usage this period and its quota.", HttpMethod.Get, "usage");
}
