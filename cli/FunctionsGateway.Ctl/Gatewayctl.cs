using System.CommandLine;
using FunctionsGateway.Ctl.Commands.Cess;
using FunctionsGateway.Ctl.Commands.Credentials;
using FunctionsGateway.Ctl.Commands.Decoo;
using FunctionsGateway.Ctl.Commands.Files;
using FunctionsGateway.Ctl.Commands.Identities;
using FunctionsGateway.Ctl.Commands.Quotas;

namespace FunctionsGateway.Ctl;

/// <summary>gatewayctl: one command per operator route of the gateway (README "gatewayctl").</summary>
internal static class Gatewayctl
{
    /// <summary>Parses <paramref name="args"/> and runs the command; <paramref name="handler"/> replaces the HTTP stack
    /// (tests), <paramref name="environment"/> the process environment.</summary>
    public static Task<int> RunAsync(string[] args, CtlConsole console, HttpMessageHandler? handler, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(new CtlContext(new CtlOptions(), console, handler, environment ?? Environment.GetEnvironmentVariable));
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error }, cancellationToken);
    }

    /// <summary>The command tree.</summary>
    public static RootCommand Build(CtlContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("gatewayctl: the FunctionsGateway operator API (/ops) from the command line.");
        context.Options.AddTo(root);
        root.Add(Group("identities", "Identities: the owners of files and credentials.", CreateIdentityCommand.Create(context), ListIdentitiesCommand.Create(context)));
        root.Add(Group("tokens", "Bearer tokens (files API, Kubo RPC, /psa).", IssueTokenCommand.Create(context)));
        root.Add(Group("gw3-keys", "Gateway3 access keys (/gw3).", IssueGw3KeyCommand.Create(context)));
        root.Add(Group("decoo-keys", "Decoo API keys (/decoo).", IssueDecooKeyCommand.Create(context)));
        root.Add(Group("rsa-keys", "RSA public keys that check Decoo secrets (/decoo pinFile, pinByHash).", SetRsaKeyCommand.Create(context, () => Console.In)));
        root.Add(Group("credentials", "Any credential: tokens, access keys, API keys.", RevokeCredentialCommand.Create(context)));
        root.Add(Group("files", "Files of any identity: pushes to their backend.", RequeuePushCommand.Create(context)));
        root.Add(Group("quotas", "Per-identity caps on stored, pinned, uploaded and downloaded bytes and requests.", SetQuotaCommand.Create(context)));
        root.Add(Group("usage", "Per-identity usage counters.", ShowUsageCommand.Create(context)));
        root.Add(Group("cess", "The gateway's CESS account.", Group(
            "space",
            "The gateway account's territory (the original CLI's buy, upgrade, renewal, show).",
            ShowCessSpaceCommand.Create(context),
            ChangeCessSpaceCommand.Create(context, "buy"),
            ChangeCessSpaceCommand.Create(context, "upgrade"),
            ChangeCessSpaceCommand.Create(context, "renewal"))));
        return root;
    }

    private static Command Group(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
        {
            group.Add(command);
        }

        return group;
    }
}
