using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>A JSON-RPC 2.0 error object; Ethereum nodes put revert data in <c>data</c> (a hex string, or an object holding one).</summary>
internal sealed class JsonRpcError
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public JsonElement Data { get; set; }
}
