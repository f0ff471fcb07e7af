using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary><c>gatewayctl identities list</c> → <c>GET /ops/identities</c>: every identity, oldest first.</summary>
internal static class ListIdentitiesCommand
{
    public static Command Create(CtlContext context)
    {
        var command = new OpsRouteCommand("list", "List every identity, oldest first.", "GET /ops/identities");
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, new OpsRequest(HttpMethod.Get, "/ops/identities"), cancellationToken));
        return command;
    }
}
