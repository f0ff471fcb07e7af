using System.Text.Json.Nodes;
using FunctionsGateway.Core.Storage.Emulator;
using FunctionsGateway.Core.Tooling;

namespace FunctionsGateway.Testing;

/// <summary>
/// ethers 6 and siwe as references: one Node process answers a whole batch of cases
/// (<c>tests/peers/ethereum/reference.mjs</c>). Each result is the reference's value, or null with
/// <see cref="ReferenceResult.Error"/> set when the reference threw for that case.
/// </summary>
public static class EthersReference
{
    /// <summary>Runs one operation of <c>reference.mjs</c> over all cases.</summary>
    public static Task<IReadOnlyList<ReferenceResult>> RunAsync(string operation, IEnumerable<JsonNode?> cases) =>
        RunAsync(cases.Select(c => (operation, c)));

    /// <summary>Runs a batch of (operation, arguments) cases of <c>reference.mjs</c> in one Node process.</summary>
    public static async Task<IReadOnlyList<ReferenceResult>> RunAsync(IEnumerable<(string Operation, JsonNode? Arguments)> cases)
    {
        var directory = RepositoryPaths.EthereumPeers;
        await NpmToolInstaller.EnsureInstalledAsync(directory, Path.Combine("node_modules", "ethers", "package.json"));
        var batch = new JsonArray([.. cases.Select(c => new JsonObject { ["op"] = c.Operation, ["args"] = c.Arguments })]);
        var request = new JsonObject { ["cases"] = batch };
        var output = await NodePackages.RunNodeAsync(directory, "reference.mjs", [], request.ToJsonString(), TimeSpan.FromMinutes(1));
        var results = JsonNode.Parse(output)!["results"]!.AsArray();
        return [.. results.Select(r => new ReferenceResult(r!["value"]?.DeepClone(), (string?)r["error"]))];
    }
}

/// <summary>One answer of the reference.</summary>
public sealed record ReferenceResult(JsonNode? Value, string? Error)
{
    /// <summary>The value as a string; fails the test with the reference's error when there is none.</summary>
    public string Text => Error is null ? (string)Value! : throw new Xunit.Sdk.XunitException("The reference failed: " + Error);
}
