using System.Text.Json;

namespace FunctionsGateway.Ctl;

/// <summary>
/// Prints an answer: with <c>--json</c> the gateway's JSON as it is (indented); otherwise a list as a table and an
/// object as aligned <c>name  value</c> lines, nested objects with dotted names. Errors go to standard error as one
/// line; with <c>--json</c> their body is printed to standard output too, so a script can read the code.
/// </summary>
internal static class AnswerPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Print(OpsAnswer answer, string? done, bool json, CtlConsole console)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(console);
        if (!answer.Succeeded)
        {
            var (code, message) = answer.Error;
            console.Error.WriteLine($"gatewayctl: {message} (HTTP {(int)answer.Status} {code})");
            if (json && answer.Json is { } errorBody)
            {
                console.Output.WriteLine(JsonSerializer.Serialize(errorBody, Indented));
            }

            return (int)answer.Status >= 500 ? ExitCodes.Unavailable : ExitCodes.Refused;
        }

        if (answer.Json is not { } body)
        {
            if (!json && (done ?? answer.Text) is { Length: > 0 } line)
            {
                console.Output.WriteLine(line);
            }

            return ExitCodes.Ok;
        }

        if (json)
        {
            console.Output.WriteLine(JsonSerializer.Serialize(body, Indented));
        }
        else if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            TextTable.Write(console.Output, items);
        }
        else
        {
            TextTable.WriteFields(console.Output, body);
        }

        return ExitCodes.Ok;
    }
}
