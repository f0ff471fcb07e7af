using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>Source-generated (reflection-free) JSON for the JSON-RPC wire types.</summary>
[JsonSerializable(typeof(JsonRpcResponse))]
[JsonSerializable(typeof(RpcReceipt))]
[JsonSerializable(typeof(RpcFeeHistory))]
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
internal sealed partial class EthereumRpcJsonContext : JsonSerializerContext
{
}
