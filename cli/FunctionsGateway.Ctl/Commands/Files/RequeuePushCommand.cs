using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Files;

/// <summary><c>gatewayctl files requeue OWNER FILE…</c> → <c>POST /ops/files/{ownerId}/{fileId}/requeue</c> for each file:
/// a push that ran out of attempts gets a fresh retry budget; with several files a bar shows the progress.</summary>
internal static class RequeuePushCommand
{
    public static Command Create(CtlContext context)
    {
        var owner = new Argument<string>("owner") { Description = "The owning identity's id." };
        var files = new Argument<string[]>("file") { Description = "The file ids (state 'failed', their push in the poison queue).", Arity = ArgumentArity.OneOrMore };
        var command = new OpsRouteCommand("requeue", "Re-queue the push of failed files (after the backend is back).", "POST /ops/files/{ownerId}/{fileId}/requeue") { owner, files };
        command.SetAction((parse, cancellationToken) =>
        {
            var ownerId = OpsRequest.Segment(parse.GetValue(owner)!);
            return context.RunAsync(
                parse,
                [.. parse.GetValue(files)!.Select(file => new OpsRequest(HttpMethod.Post, $"/ops/files/{ownerId}/{OpsRequest.Segment(file)}/requeue"))],
                cancellationToken);
        });
        return command;
    }
}
