using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary><c>POST /ops/identities</c> body.</summary>
internal sealed record CreateIdentityRequest(string? Name);

/// <summary>An identity as operators see it.</summary>
internal sealed record IdentityResponse(string Id, string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CreatedAt = null);

/// <summary><c>GET /ops/identities</c> answer.</summary>
internal sealed record IdentityListResponse(IReadOnlyList<IdentityResponse> Items);

/// <summary>A newly issued token: shown once.</summary>
internal sealed record IssuedTokenResponse(string Id, string Token);

/// <summary>A newly issued Gateway3 access key and secret: the secret is shown once.</summary>
internal sealed record IssuedGw3KeyResponse(string Id, string AccessKey, string AccessSecret);

/// <summary>
/// <c>PUT /ops/identities/{id}/quota</c> body, and the <c>quota</c> of a usage answer: the caps in bytes (requests for
/// <see cref="Requests"/>); null or left out = unlimited.
/// </summary>
internal sealed record QuotaBody(long? StoredBytes, long? PinnedBytes, long? IngressBytes, long? EgressBytes, long? Requests);

/// <summary>The counters of a usage answer: levels (stored, pinned) and the current period's counts (ingress, egress, requests).</summary>
internal sealed record UsageCountersBody(long StoredBytes, long PinnedBytes, long IngressBytes, long EgressBytes, long Requests);

/// <summary><c>GET /ops/identities/{id}/usage</c> (and <c>PUT …/quota</c>) answer.</summary>
internal sealed record UsageResponse(string IdentityId, DateTimeOffset PeriodStart, UsageCountersBody Usage, QuotaBody Quota);

/// <summary>A newly issued Decoo API key (a JWT): shown once.</summary>
internal sealed record IssuedDecooKeyResponse(string Id, string ApiKey);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateIdentityRequest))]
[JsonSerializable(typeof(IdentityResponse))]
[JsonSerializable(typeof(IdentityListResponse))]
[JsonSerializable(typeof(IssuedTokenResponse))]
[JsonSerializable(typeof(IssuedGw3KeyResponse))]
[JsonSerializable(typeof(QuotaBody))]
[JsonSerializable(typeof(UsageResponse))]
[JsonSerializable(typeof(IssuedDecooKeyResponse))]
internal sealed partial class OpsJsonContext : JsonSerializerContext;
