using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary>A command whose only input is <c>IDENTITY</c> and that calls <c>METHOD /ops/identities/{id}/SUFFIX</c> with no body.</summary>
internal static class IdentityRouteCommand
{
    public static Command Create(CtlContext context, string name, string description, HttpMethod method, string suffix)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(method);
        var identity = IdentityArgument.Create();
        var command = new OpsRouteCommand(name, description, $"{method.Method} /ops/identities/{{id}}/{suffix}") { identity };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            new OpsRequest(method, $"/ops/identities/{OpsRequest.Segment(parse.GetValue(identity)!)}/{suffix}"),
            cancellationToken));
        return command;
    }
}
