using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>A JSON-RPC 2.0 response object (https://www.jsonrpc.org/specification#response_object).</summary>
internal sealed class JsonRpcResponse
{
    [JsonPropertyName("result")]
    public JsonElement Result { get; set; }

    [JsonPropertyName("error")]
    public JsonRpcError? Error { get; set; }
}
