using System.CommandLine;
using System.Text.Json.Nodes;
using FunctionsGateway.Ctl.Commands.Identities;

namespace FunctionsGateway.Ctl.Commands.Quotas;

/// <summary>
/// <c>gatewayctl quotas set IDENTITY [--stored-bytes 10GiB] [--pinned-bytes …] [--ingress-bytes …] [--egress-bytes …]
/// [--requests N]</c> → <c>PUT /ops/identities/{id}/quota</c>: the whole quota at once (a cap left out, or
/// <c>unlimited</c>, is unlimited); prints the usage with the new quota.
/// </summary>
internal static class SetQuotaCommand
{
    public static Command Create(CtlContext context)
    {
        var identity = IdentityArgument.Create();
        var caps = new (string Field, Option<string?> Option)[]
        {
            ("storedBytes", Size("--stored-bytes", "Bytes the identity may keep stored.")),
            ("pinnedBytes", Size("--pinned-bytes", "Bytes the identity may keep pinned (/psa).")),
            ("ingressBytes", Size("--ingress-bytes", "Bytes the identity may upload per period.")),
            ("egressBytes", Size("--egress-bytes", "Bytes the identity may download per period.")),
            ("requests", ByteCount.Option("--requests", "Requests per period ('unlimited' or leave out for no cap).")),
        };
        var command = new OpsRouteCommand("set", "Set an identity's quota; caps left out are unlimited (the body replaces the whole quota).", "PUT /ops/identities/{id}/quota") { identity };
        foreach (var (_, option) in caps)
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var body = new JsonObject();
            foreach (var (field, option) in caps)
            {
                body[field] = ByteCount.Read(parse, option);
            }

            return context.RunAsync(
                parse,
                new OpsRequest(HttpMethod.Put, $"/ops/identities/{OpsRequest.Segment(parse.GetValue(identity)!)}/quota", CtlContext.Json(body)),
                cancellationToken);
        });
        return command;
    }

    private static Option<string?> Size(string name, string description) =>
        ByteCount.Option(name, description + " A count like 1048576, 512KiB, 10GiB, 2TB, or 'unlimited'.");
}
