using System.Text.Json.Nodes;

namespace FunctionsGateway.Testing;

/// <summary>A test contract compiled by solc-js: its ABI (as JSON) and creation bytecode.</summary>
public sealed record CompiledContract(string Name, JsonArray Abi, byte[] Bytecode);
