using System.CommandLine;
using System.Text;
using FunctionsGateway.Ctl.Commands.Identities;

namespace FunctionsGateway.Ctl.Commands.Decoo;

/// <summary>
/// <c>gatewayctl rsa-keys set IDENTITY FILE</c> (FILE <c>-</c> reads standard input) → <c>PUT /ops/identities/{id}/rsa-key</c>
/// with the PEM public key (SPKI or PKCS#1): the key the identity's Decoo <c>secret</c>s are checked with.
/// </summary>
internal static class SetRsaKeyCommand
{
    /// <summary>Larger than any PEM public key the gateway accepts (it refuses bodies over 16 KiB characters).</summary>
    private const int MaxFileBytes = 64 * 1024;

    public static Command Create(CtlContext context, Func<TextReader> standardInput)
    {
        var identity = IdentityArgument.Create();
        var file = new Argument<string>("pem-file") { Description = "The public key as PEM (BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY); '-' for standard input." };
        var command = new OpsRouteCommand("set", "Register an identity's RSA public key for Decoo secrets (replaces any earlier one).", "PUT /ops/identities/{id}/rsa-key") { identity, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            string pem;
            if (path == "-")
            {
                pem = await standardInput().ReadToEndAsync(cancellationToken);
            }
            else if (!File.Exists(path))
            {
                await context.Console.Error.WriteLineAsync($"gatewayctl: no file '{path}'.");
                return ExitCodes.Refused;
            }
            else if (new FileInfo(path).Length > MaxFileBytes)
            {
                await context.Console.Error.WriteLineAsync($"gatewayctl: '{path}' is larger than a PEM public key can be.");
                return ExitCodes.Refused;
            }
            else
            {
                pem = await File.ReadAllTextAsync(path, cancellationToken);
            }

            var id = parse.GetValue(identity)!;
            return await context.RunAsync(
                parse,
                new OpsRequest(HttpMethod.Put, $"/ops/identities/{OpsRequest.Segment(id)}/rsa-key", new StringContent(pem, Encoding.UTF8, "application/x-pem-file"), Done: $"RSA key set for {id}"),
                cancellationToken);
        });
        return command;
    }
}
