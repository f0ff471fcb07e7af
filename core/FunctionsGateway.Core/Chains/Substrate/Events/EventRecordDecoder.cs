using FunctionsGateway.Core.Chains.Substrate.Metadata;

namespace FunctionsGateway.Core.Chains.Substrate.Events;

/// <summary>
/// Decodes the value of <c>System.Events</c> (<c>Vec&lt;EventRecord{phase, event, topics}&gt;</c>, key in
/// spec/cess.md §4.1) with the metadata's types: the outer event enum's variant is the pallet, its single
/// field the pallet's event enum.
/// </summary>
public static class EventRecordDecoder
{
    /// <summary>The storage key of <c>System.Events</c>.</summary>
    public static byte[] StorageKey { get; } = Substrate.StorageKey.Prefix("System", "Events");

    public static IReadOnlyList<EventRecord> Decode(RuntimeMetadata metadata, ReadOnlyMemory<byte> value)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var entry = metadata.FindStorage("System", "Events") ?? throw new FormatException("The metadata has no System.Events.");
        var records = new MetadataValueDecoder(metadata).DecodeAll(entry.ValueTypeId, value);
        var events = new List<EventRecord>(records.Items.Count);
        foreach (var record in records.Items)
        {
            var phase = record.Field("phase") ?? throw new FormatException("EventRecord without phase.");
            uint? extrinsic = phase.VariantName == "ApplyExtrinsic" ? (uint)phase.FieldAt(0).Number : null;
            var outer = record.Field("event") ?? throw new FormatException("EventRecord without event.");
            var inner = outer.FieldAt(0);
            events.Add(new EventRecord(extrinsic, outer.VariantName!, inner.VariantName!, inner));
        }

        return events;
    }
}
