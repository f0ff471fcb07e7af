using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>The wire form of a receipt: hex strings, mapped to <see cref="TransactionReceipt"/>.</summary>
internal sealed class RpcReceipt
{
    [JsonPropertyName("transactionHash")]
    public string TransactionHash { get; set; } = string.Empty;

    [JsonPropertyName("blockNumber")]
    public string BlockNumber { get; set; } = "0x0";

    [JsonPropertyName("blockHash")]
    public string BlockHash { get; set; } = string.Empty;

    [JsonPropertyName("from")]
    public string From { get; set; } = string.Empty;

    [JsonPropertyName("to")]
    public string? To { get; set; }

    [JsonPropertyName("contractAddress")]
    public string? ContractAddress { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("gasUsed")]
    public string GasUsed { get; set; } = "0x0";

    [JsonPropertyName("effectiveGasPrice")]
    public string? EffectiveGasPrice { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("logs")]
    public List<RpcLog> Logs { get; set; } = [];
}
