using System.Text.Json.Serialization;
using FunctionsGateway.Core.Ipfs.Rpc;

namespace FunctionsGateway.Functions.Functions.Kubo;

// Kubo's RPC bodies (https://docs.ipfs.tech/reference/kubo/rpc/): Go's JSON of its command outputs, field names in
// PascalCase, `omitempty` fields left out when empty as Go leaves them out.

/// <summary>Kubo's error body: <c>{"Message":"…","Code":0,"Type":"error"}</c>.</summary>
internal sealed record KuboError(string Message, int Code = 0, string Type = "error");

/// <summary>One line of <c>add</c> (Kubo's <c>AddEvent</c>): <c>Hash</c>, <c>Bytes</c> and <c>Size</c> are omitempty.</summary>
internal sealed record KuboAddEvent(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Bytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Size)
{
    public static KuboAddEvent From(AddEvent e) => new(e.Name, e.Hash, e.Bytes, e.Size);
}

/// <summary><c>pin/add</c> and <c>pin/rm</c>: the CIDs pinned or unpinned.</summary>
internal sealed record KuboPinsResponse(IReadOnlyList<string> Pins);

/// <summary><c>pin/ls</c>: <c>{"Keys":{"&lt;cid&gt;":{"Type":"recursive"}}}</c>, with <c>Name</c> when <c>names=true</c>.</summary>
internal sealed record KuboPinLsResponse(IReadOnlyDictionary<string, KuboPinType> Keys);

internal sealed record KuboPinType(string Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

/// <summary>One line of <c>pin/ls?stream=true</c>.</summary>
internal sealed record KuboPinLsEntry(string Cid, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name, string Type);

/// <summary>A root line of <c>dag/import</c>: <c>{"Root":{"Cid":{"/":"…"},"PinErrorMsg":""}}</c>.</summary>
internal sealed record KuboImportRootEvent(KuboImportRoot Root);

internal sealed record KuboImportRoot(KuboCidLink Cid, string PinErrorMsg);

/// <summary>An IPLD link in DAG-JSON: <c>{"/":"&lt;cid&gt;"}</c>.</summary>
internal sealed record KuboCidLink([property: JsonPropertyName("/")] string Value);

/// <summary>The stats line of <c>dag/import?stats=true</c>.</summary>
internal sealed record KuboImportStatsEvent(KuboImportStats Stats);

internal sealed record KuboImportStats(long BlockCount, long BlockBytesCount);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(KuboError))]
[JsonSerializable(typeof(KuboAddEvent))]
[JsonSerializable(typeof(KuboPinsResponse))]
[JsonSerializable(typeof(KuboPinLsResponse))]
[JsonSerializable(typeof(KuboPinLsEntry))]
[JsonSerializable(typeof(KuboImportRootEvent))]
[JsonSerializable(typeof(KuboImportStatsEvent))]
internal sealed partial class KuboJsonContext : JsonSerializerContext;
