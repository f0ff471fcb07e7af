using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Credentials;

/// <summary><c>gatewayctl credentials revoke ID…</c> → <c>DELETE /ops/credentials/{credentialId}</c> for each id: tokens,
/// Gateway3 keys, Decoo API keys alike; with several ids a bar shows the progress.</summary>
internal static class RevokeCredentialCommand
{
    public static Command Create(CtlContext context)
    {
        var ids = new Argument<string[]>("credential") { Description = "The credential ids (the \"id\" printed when it was issued).", Arity = ArgumentArity.OneOrMore };
        var command = new OpsRouteCommand("revoke", "Revoke credentials: they stop working at once on every instance.", "DELETE /ops/credentials/{credentialId}") { ids };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            [.. parse.GetValue(ids)!.Select(id => new OpsRequest(HttpMethod.Delete, $"/ops/credentials/{OpsRequest.Segment(id)}", Done: $"revoked {id}"))],
            cancellationToken));
        return command;
    }
}
