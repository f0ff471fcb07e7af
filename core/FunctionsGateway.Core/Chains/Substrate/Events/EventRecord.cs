using FunctionsGateway.Core.Chains.Substrate.Metadata;

namespace FunctionsGateway.Core.Chains.Substrate.Events;

/// <summary>
/// One entry of <c>System.Events</c> (frame-system <c>EventRecord</c>): the extrinsic it belongs to
/// (null for block initialization and finalization), the pallet and event names, and the event's fields.
/// </summary>
public sealed record EventRecord(uint? ExtrinsicIndex, string Pallet, string Name, ScaleValue Data)
{
    /// <summary>The field named <paramref name="name"/> of the event, or null.</summary>
    public ScaleValue? Field(string name) => Data.Field(name);

    public override string ToString() => $"{Pallet}.{Name}{Data}";
}
