using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>The wire form of a log entry.</summary>
internal sealed class RpcLog
{
    [JsonPropertyName("address")]
    public string Address { get; set; } = string.Empty;

    [JsonPropertyName("topics")]
    public List<string> Topics { get; set; } = [];

    [JsonPropertyName("data")]
    public string Data { get; set; } = "0x";

    [JsonPropertyName("logIndex")]
    public string LogIndex { get; set; } = "0x0";
}
