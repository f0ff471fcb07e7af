using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Storage.Ipfs;

// The JSON bodies of the Kubo RPC API as the node sends them (https://docs.ipfs.tech/reference/kubo/rpc/), read by
// KuboRpcClient only. Numbers may come as strings (Kubo's add Size) or as numbers (js-ipfs): the context accepts both.

/// <summary>An error answer: <c>{"Message","Code","Type":"error"}</c>.</summary>
internal sealed record KuboErrorBody(string? Message, int? Code, string? Type);

/// <summary>One line of <c>add</c>'s NDJSON: a file's result (<c>Hash</c> set) or a progress report (<c>Bytes</c> only).</summary>
internal sealed record KuboAddEvent(string? Name, string? Hash, long? Size, long? Bytes);

/// <summary><c>block/put</c> and <c>block/stat</c>.</summary>
internal sealed record KuboBlockStatBody(string? Key, long Size);

/// <summary><c>pin/add</c> and <c>pin/rm</c>.</summary>
internal sealed record KuboPinsBody(IReadOnlyList<string>? Pins);

/// <summary><c>pin/ls</c> without <c>stream</c>: pinned CID → its pin type.</summary>
internal sealed record KuboPinLsBody(IReadOnlyDictionary<string, KuboPinLsEntry>? Keys);

internal sealed record KuboPinLsEntry(string? Type);

/// <summary>One line of <c>dag/import</c>'s NDJSON (a root it pinned; Kubo may add a <c>Stats</c> line).</summary>
internal sealed record KuboDagImportEvent(KuboDagImportRoot? Root);

internal sealed record KuboDagImportRoot(KuboLink? Cid, string? PinErrorMsg);

/// <summary>A DAG-JSON link, <c>{"/": "cid"}</c>.</summary>
internal sealed record KuboLink([property: JsonPropertyName("/")] string? Value);

/// <summary><c>files/stat</c>.</summary>
internal sealed record KuboFilesStatBody(string? Hash, long Size, long CumulativeSize, long Blocks, string? Type);

/// <summary><c>id</c>.</summary>
internal sealed record KuboIdBody([property: JsonPropertyName("ID")] string? Id, string? AgentVersion, string? ProtocolVersion, IReadOnlyList<string>? Addresses);

/// <summary><c>version</c>.</summary>
internal sealed record KuboVersionBody(string? Version, string? Commit, string? Repo, string? System);

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(KuboErrorBody))]
[JsonSerializable(typeof(KuboAddEvent))]
[JsonSerializable(typeof(KuboBlockStatBody))]
[JsonSerializable(typeof(KuboPinsBody))]
[JsonSerializable(typeof(KuboPinLsBody))]
[JsonSerializable(typeof(KuboDagImportEvent))]
[JsonSerializable(typeof(KuboFilesStatBody))]
[JsonSerializable(typeof(KuboIdBody))]
[JsonSerializable(typeof(KuboVersionBody))]
internal sealed partial class KuboJsonContext : JsonSerializerContext;
