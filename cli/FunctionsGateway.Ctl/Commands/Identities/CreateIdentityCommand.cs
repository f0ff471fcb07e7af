using System.CommandLine;
using System.Text.Json.Nodes;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary><c>gatewayctl identities create NAME</c> → <c>POST /ops/identities</c>: a new identity, with its id.</summary>
internal static class CreateIdentityCommand
{
    public static Command Create(CtlContext context)
    {
        var name = new Argument<string>("name") { Description = "A name for people; it need not be unique." };
        var command = new OpsRouteCommand("create", "Create an identity (the owner of files and credentials).", "POST /ops/identities") { name };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            new OpsRequest(HttpMethod.Post, "/ops/identities", CtlContext.Json(new JsonObject { ["name"] = parse.GetValue(name) })),
            cancellationToken));
        return command;
    }
}
