using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Decoo;

// Decoo's bodies (spec/compat.md §3.1–3.2), PascalCase as the cloud and endpoint write them.

/// <summary><c>GET /ping</c>: <c>{"Success":true}</c>.</summary>
internal sealed record DecooPingResponse(bool Success);

/// <summary>The PSA's <c>CommonResponse</c>, <c>{"Code","Msg","Data"}</c>: the access token's envelope.</summary>
internal sealed record DecooCommonResponse<T>(int Code, string Msg, T Data);

/// <summary>
/// Every error: <c>{"Code":401,"Message":"Invalid token"}</c> as the cloud documents it, with <c>Msg</c> (the same
/// words, as the PSA's <c>CommonResponse</c> names them) and <c>Data</c> = what exactly was wrong.
/// </summary>
internal sealed record DecooError(int Code, string Message, string Msg, string? Data);

/// <summary>One entry of <c>GET /endpoint/list</c>.</summary>
internal sealed record DecooEndpoint([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("apiHost")] string ApiHost);

/// <summary><c>pinList</c>'s answer.</summary>
internal sealed record DecooPinListResponse(int Count, IReadOnlyList<DecooPin> Pins);

/// <summary>A pinned pin: <c>PinDate</c> ISO 8601, <c>PinSize</c> the DAG's bytes.</summary>
internal sealed record DecooPin(string Id, string PinHash, long PinSize, string PinDate, DecooPinMetadata Metadata);

/// <summary>A pin's metadata: its name.</summary>
internal sealed record DecooPinMetadata([property: JsonPropertyName("name")] string? Name);

/// <summary><c>pinJobs</c>' answer.</summary>
internal sealed record DecooPinJobsResponse(int Count, IReadOnlyList<DecooPinJob> Jobs);

/// <summary>A pin job: <c>Status</c> is queued, pinning, pinned or failed.</summary>
internal sealed record DecooPinJob(string Id, string Status, string PinHash);

/// <summary><c>pinFile</c>'s answer.</summary>
internal sealed record DecooPinFileResponse(string PinHash, long PinSize, string PinDate);

/// <summary><c>pinByHash</c>'s body; <c>decooMetadata</c> an object (or its JSON as text).</summary>
internal sealed record DecooPinByHashRequest(
    [property: JsonPropertyName("hashToPin")] string? HashToPin,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("decooMetadata")] JsonElement? DecooMetadata);

/// <summary><c>pinByHash</c>'s answer.</summary>
internal sealed record DecooPinByHashResponse(string HashToPin, string JobId, string JobStatus);

[JsonSerializable(typeof(DecooPingResponse))]
[JsonSerializable(typeof(DecooCommonResponse<string>))]
[JsonSerializable(typeof(DecooError))]
[JsonSerializable(typeof(IReadOnlyList<DecooEndpoint>))]
[JsonSerializable(typeof(DecooPinListResponse))]
[JsonSerializable(typeof(DecooPinJobsResponse))]
[JsonSerializable(typeof(DecooPinFileResponse))]
[JsonSerializable(typeof(DecooPinByHashRequest))]
[JsonSerializable(typeof(DecooPinByHashResponse))]
internal sealed partial class DecooJsonContext : JsonSerializerContext;
