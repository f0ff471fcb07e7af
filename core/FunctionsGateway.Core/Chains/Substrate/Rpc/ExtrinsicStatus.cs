using System.Text.Json;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>One update of a watched extrinsic; <see cref="BlockHash"/> is set for in-block, retracted, finality-timeout and finalized.</summary>
public sealed record ExtrinsicStatus(ExtrinsicStatusKind Kind, string? BlockHash)
{
    /// <summary>True when no further update will come (finalized, or the pool gave the transaction up).</summary>
    public bool IsFinal => Kind is ExtrinsicStatusKind.Finalized or ExtrinsicStatusKind.FinalityTimeout or
        ExtrinsicStatusKind.Usurped or ExtrinsicStatusKind.Dropped or ExtrinsicStatusKind.Invalid;

    /// <summary>Parses the notification's <c>result</c>: a string (<c>"ready"</c>) or an object (<c>{"inBlock":"0x…"}</c>).</summary>
    public static ExtrinsicStatus Parse(JsonElement result)
    {
        if (result.ValueKind == JsonValueKind.String)
        {
            return new ExtrinsicStatus(ParseKind(result.GetString()!), null);
        }

        if (result.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in result.EnumerateObject())
            {
                var hash = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                return new ExtrinsicStatus(ParseKind(property.Name), hash);
            }
        }

        throw new FormatException($"Unknown extrinsic status {result.GetRawText()}.");
    }

    private static ExtrinsicStatusKind ParseKind(string name) => name switch
    {
        "future" => ExtrinsicStatusKind.Future,
        "ready" => ExtrinsicStatusKind.Ready,
        "broadcast" => ExtrinsicStatusKind.Broadcast,
        "inBlock" => ExtrinsicStatusKind.InBlock,
        "retracted" => ExtrinsicStatusKind.Retracted,
        "finalityTimeout" => ExtrinsicStatusKind.FinalityTimeout,
        "finalized" => ExtrinsicStatusKind.Finalized,
        "usurped" => ExtrinsicStatusKind.Usurped,
        "dropped" => ExtrinsicStatusKind.Dropped,
        "invalid" => ExtrinsicStatusKind.Invalid,
        _ => throw new FormatException($"Unknown extrinsic status '{name}'."),
    };
}
