using FunctionsGateway.Core.Tooling;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Storage.Emulator;

namespace FunctionsGateway.Testing;

/// <summary>
/// Answers from the Substrate reference implementation (npm <c>@polkadot/util-crypto</c>, <c>@polkadot/util</c>,
/// <c>@polkadot/types</c>, pinned in tests/peers/substrate): one node process per batch of cases, run by
/// <c>reference.mjs</c>. Each case is an object with <c>id</c>, <c>op</c> and the op's arguments.
/// </summary>
public static class PolkadotReference
{
    private const string Marker = "node_modules/@polkadot/util-crypto/package.json";

    /// <summary>Runs the cases and returns each one's result (a string or a boolean) by id; a case the reference rejects maps to its error.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonElement>> RunAsync(IEnumerable<JsonObject> cases, CancellationToken cancellationToken = default)
    {
        var directory = RepositoryPaths.SubstratePeers;
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(directory, Marker, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"The polkadot.js reference needs Node.js >= 20 and npm on PATH and the npm registry reachable for the first 'npm ci' in {directory}. {e.Message}", e);
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("reference.mjs");
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = node.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(cancellationToken);
        await node.StandardInput.WriteAsync(new JsonArray([.. cases]).ToJsonString());
        node.StandardInput.Close();
        await node.WaitForExitAsync(cancellationToken);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"reference.mjs failed ({node.ExitCode}): {await stderr}");
        }

        using var document = JsonDocument.Parse(await stdout);
        var results = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var result = property.Value;
            results[property.Name] = result.GetProperty("ok").GetBoolean()
                ? result.GetProperty("value").Clone()
                : throw new InvalidOperationException($"reference case {property.Name} failed: {result.GetProperty("error").GetString()}");
        }

        return results;
    }
}
