using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>The wire form of <c>eth_feeHistory</c>'s answer.</summary>
internal sealed class RpcFeeHistory
{
    [JsonPropertyName("oldestBlock")]
    public string OldestBlock { get; set; } = "0x0";

    [JsonPropertyName("baseFeePerGas")]
    public List<string> BaseFeePerGas { get; set; } = [];

    [JsonPropertyName("gasUsedRatio")]
    public List<double> GasUsedRatio { get; set; } = [];

    [JsonPropertyName("reward")]
    public List<List<string>>? Reward { get; set; }
}
