using System.CommandLine;
using System.Text.Json.Nodes;

namespace FunctionsGateway.Ctl.Commands.Cess;

/// <summary>
/// <c>gatewayctl cess space buy --gib N [--days D]</c>, <c>upgrade --gib N</c>, <c>renewal [--days D]</c> →
/// <c>POST /ops/cess/space</c>: the original CLI's verbs, signed by the gateway account; the call waits for the block
/// (seconds to minutes), so a spinner shows the time while it does.
/// </summary>
internal static class ChangeCessSpaceCommand
{
    public static Command Create(CtlContext context, string action)
    {
        var gib = new Option<uint?>("--gib") { Description = action == "buy" ? "GiB to buy." : "GiB to add.", Required = action is "buy" or "upgrade" };
        var days = new Option<uint?>("--days") { Description = "Days of lease (the gateway's default is 30)." };
        var description = action switch
        {
            "buy" => "Buy a territory for the gateway account.",
            "upgrade" => "Add space to the gateway account's territory.",
            _ => "Extend the lease of the gateway account's territory.",
        };
        var command = new OpsRouteCommand(action, description, "POST /ops/cess/space");
        if (action is "buy" or "upgrade")
        {
            command.Add(gib);
        }

        if (action is "buy" or "renewal")
        {
            command.Add(days);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var body = new JsonObject { ["action"] = action };
            if (parse.GetValue(gib) is { } size)
            {
                body["gib"] = size;
            }

            if (parse.GetValue(days) is { } lease)
            {
                body["days"] = lease;
            }

            return context.RunAsync(parse, new OpsRequest(HttpMethod.Post, "/ops/cess/space", CtlContext.Json(body), Progress: $"cess space {action}: waiting for the block"), cancellationToken);
        });
        return command;
    }
}
