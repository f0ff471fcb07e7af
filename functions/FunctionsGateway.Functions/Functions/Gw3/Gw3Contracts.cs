using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Gw3;

// Gateway3's bodies (spec/compat.md §4.2): the envelope {"code","msg","data"} with code = the HTTP status and msg "ok" on
// success; list answers add "total". Field names are snake_case as gw3 writes them.

/// <summary>The envelope without data: <c>{"code":200,"msg":"ok"}</c>, and every error.</summary>
internal sealed record Gw3Response(int Code, string Msg);

/// <summary>The envelope with data.</summary>
internal sealed record Gw3Response<T>(int Code, string Msg, T Data);

/// <summary>A list answer: the envelope with a page of items and the total count.</summary>
internal sealed record Gw3ListResponse<T>(int Code, string Msg, IReadOnlyList<T> Data, int Total);

/// <summary>The first step of a two-step write: where to send the body.</summary>
internal sealed record Gw3UrlData(string Url);

/// <summary>A root after <c>folder/operation</c>.</summary>
internal sealed record Gw3CidData(string Cid);

/// <summary>An account's pin: <c>status</c> is one of pinning, pinned, failure, unpinning.</summary>
internal sealed record Gw3PinItem(string Name, string Cid, string Status, long Size, long CreatedAt);

/// <summary><c>GET /account/api/v0/stats</c>. Limits this gateway does not enforce are 0; counters it does not keep are 0.</summary>
internal sealed record Gw3Stats(
    string Name,
    string Provider,
    string Email,
    bool EmailVerified,
    string EthAddr,
    long TokenAmount,
    string Plan,
    string NextPlan,
    long NextBillAt,
    long PinnedCount,
    long PinnedCountLimit,
    long PinnedBytes,
    long PinnedBytesLimit,
    long Ingress,
    long IngressLimit,
    long Egress,
    long EgressLimit,
    long Ipns,
    long IpnsLimit);

/// <summary><c>POST /api/v0/folder/operation</c> body: <c>add</c> is a list of <c>[name, cid]</c> pairs.</summary>
internal sealed record Gw3FolderOperationRequest(string? Cid, IReadOnlyList<IReadOnlyList<string>>? Add, IReadOnlyList<string>? Remove, bool PinNew, bool UnpinOld);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Gw3Response))]
[JsonSerializable(typeof(Gw3Response<Gw3UrlData>))]
[JsonSerializable(typeof(Gw3Response<Gw3CidData>))]
[JsonSerializable(typeof(Gw3Response<Gw3Stats>))]
[JsonSerializable(typeof(Gw3ListResponse<Gw3PinItem>))]
[JsonSerializable(typeof(Gw3FolderOperationRequest))]
internal sealed partial class Gw3JsonContext : JsonSerializerContext;
