using System.Globalization;
using System.Text.Json.Serialization;
using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Functions.Functions.Psa;

// The Pinning Service API's objects (spec/ipfs-pinning-service-v1.0.0.yaml, components.schemas), field names as the
// spec spells them.

/// <summary>The <c>Pin</c> object: in a request body, and inside every <c>PinStatus</c>.</summary>
internal sealed record PsaPin(
    [property: JsonPropertyName("cid")] string? Cid,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonPropertyName("origins"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Origins,
    [property: JsonPropertyName("meta"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Meta)
{
    public PinSpec ToSpec() => new(Cid ?? "", Name, Origins ?? [], Meta ?? new Dictionary<string, string>());

    public static PsaPin From(PinSpec pin) => new(pin.Cid, pin.Name, pin.Origins.Count > 0 ? pin.Origins : null, pin.Meta.Count > 0 ? pin.Meta : null);
}

/// <summary>The <c>PinStatus</c> object.</summary>
internal sealed record PsaPinStatus(
    [property: JsonPropertyName("requestid")] string RequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("created")] string Created,
    [property: JsonPropertyName("pin")] PsaPin Pin,
    [property: JsonPropertyName("delegates")] IReadOnlyList<string> Delegates,
    [property: JsonPropertyName("info")] IReadOnlyDictionary<string, string> Info)
{
    /// <summary>RFC 3339 in UTC to the millisecond: the precision a creation time is unique at.</summary>
    public static PsaPinStatus From(PinRequest request, IReadOnlyList<string> delegates) => new(
        request.RequestId,
        request.Status.ToWire(),
        request.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        PsaPin.From(request.Pin),
        delegates,
        request.Info);
}

/// <summary>The <c>PinResults</c> object.</summary>
internal sealed record PsaPinResults(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("results")] IReadOnlyList<PsaPinStatus> Results);

/// <summary>The <c>Failure</c> object: <c>{"error":{"reason","details"}}</c>.</summary>
internal sealed record PsaFailure([property: JsonPropertyName("error")] PsaFailureError Error);

internal sealed record PsaFailureError(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("details"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Details);

[JsonSerializable(typeof(PsaPin))]
[JsonSerializable(typeof(PsaPinStatus))]
[JsonSerializable(typeof(PsaPinResults))]
[JsonSerializable(typeof(PsaFailure))]
internal sealed partial class PsaJsonContext : JsonSerializerContext;
