using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Cess;

/// <summary><c>gatewayctl cess space show</c> → <c>GET /ops/cess/space</c>: the gateway account's territory.</summary>
internal static class ShowCessSpaceCommand
{
    public static Command Create(CtlContext context)
    {
        var command = new OpsRouteCommand("show", "Show the gateway account's CESS territory (space, lease).", "GET /ops/cess/space");
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, new OpsRequest(HttpMethod.Get, "/ops/cess/space"), cancellationToken));
        return command;
    }
}
