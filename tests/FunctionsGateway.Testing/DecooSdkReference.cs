using System.Text.Json.Nodes;
using FunctionsGateway.Core.Tooling;

namespace FunctionsGateway.Testing;

/// <summary>
/// A Decoo SDK-style client and its primitives in Node (<c>tests/peers/unixfs/decoo-sdk.mjs</c>): Node's
/// <c>crypto.privateEncrypt</c> for <c>secret</c>, ipfs-unixfs-importer for the CID, and the SDK's <c>pinFile</c> and
/// <c>pinByHash</c> flows over HTTP. One Node process answers a whole batch of cases.
/// </summary>
public static class DecooSdkReference
{
    /// <summary>Runs a batch of (operation, arguments) cases; each result is the value, or fails the test with the script's error.</summary>
    public static async Task<IReadOnlyList<JsonNode?>> RunAsync(params (string Operation, JsonObject Arguments)[] cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var directory = RepositoryPaths.UnixFsPeer;
        await NpmToolInstaller.EnsureInstalledAsync(directory, Path.Combine("node_modules", "ipfs-unixfs-importer", "package.json"));
        var request = new JsonObject { ["cases"] = new JsonArray([.. cases.Select(c => new JsonObject { ["op"] = c.Operation, ["args"] = c.Arguments })]) };
        var output = await NodePackages.RunNodeAsync(directory, "decoo-sdk.mjs", [], request.ToJsonString(), TimeSpan.FromMinutes(2));
        return [.. JsonNode.Parse(output)!["results"]!.AsArray().Select(r => r!["error"] is { } error
            ? throw new Xunit.Sdk.XunitException("decoo-sdk.mjs failed: " + (string?)error)
            : r["value"]?.DeepClone())];
    }

    /// <summary>One case.</summary>
    public static async Task<JsonNode> RunOneAsync(string operation, JsonObject arguments) => (await RunAsync((operation, arguments)))[0]!;

    /// <summary>A new RSA key pair from Node: PKCS#8 private PEM, SPKI and PKCS#1 public PEMs.</summary>
    public static async Task<DecooKeyPair> GenerateKeyPairAsync(int bits = 1024)
    {
        var pair = await RunOneAsync("keypair", new JsonObject { ["bits"] = bits });
        return new DecooKeyPair((string)pair["privateKey"]!, (string)pair["spki"]!, (string)pair["pkcs1"]!);
    }
}

/// <summary>An RSA key pair as Node exports it.</summary>
public sealed record DecooKeyPair(string PrivateKeyPem, string SpkiPem, string Pkcs1Pem)
{
    /// <summary>The base64 body of the PKCS#8 key, as Decoo's panel shows it and the SDK takes it.</summary>
    public string PrivateKeyBody => string.Concat(PrivateKeyPem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));
}
