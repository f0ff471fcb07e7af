namespace FunctionsGateway.Core.Pins;

/// <summary>One identity's pin of a CID: the CID as it was pinned, an optional name, and when.</summary>
/// <param name="Cid">The pinned CID's text (CIDv0 or CIDv1, as the pin was made).</param>
/// <param name="Name">The pin's name (Kubo's <c>pin add --name</c>), empty when none.</param>
/// <param name="Type">Kubo's pin type; pins made here are always <c>recursive</c>.</param>
public sealed record PinRecord(string Cid, string Name, string Type, DateTimeOffset CreatedAt)
{
    /// <summary>Kubo's type for a pin that holds the whole DAG.</summary>
    public const string Recursive = "recursive";
}
