namespace FunctionsGateway.Core.Chains.Substrate.Events;

/// <summary>
/// What became of an included extrinsic: the block, its position, success or the dispatch error, and
/// its events (<c>System.ExtrinsicSuccess</c> or <c>System.ExtrinsicFailed</c> last).
/// </summary>
public sealed record ExtrinsicOutcome(
    string TransactionHash,
    string BlockHash,
    uint BlockNumber,
    int ExtrinsicIndex,
    DispatchError? Error,
    IReadOnlyList<EventRecord> Events)
{
    public bool Succeeded => Error is null;

    /// <summary>The first event of this extrinsic with the given pallet and name, or null.</summary>
    public EventRecord? FindEvent(string pallet, string name) =>
        Events.FirstOrDefault(e => e.Pallet == pallet && e.Name == name);
}
