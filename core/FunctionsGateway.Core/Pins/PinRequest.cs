namespace FunctionsGateway.Core.Pins;

/// <summary>
/// One pin request of one identity (the Pinning Service API's <c>PinStatus</c>, spec/standards.md §1.2), as the
/// <c>pinrequests</c> table keeps it and the pin worker moves it: <c>queued</c> → <c>pinning</c> → <c>pinned</c>, or
/// <c>failed</c> after the fetch deadline. <see cref="Created"/> is whole milliseconds and unique per identity, so that
/// paging by <c>before</c> works even for clients that keep dates to the millisecond (JavaScript's <c>Date</c>).
/// </summary>
/// <param name="Source">Which surface made it (<c>psa</c>; others such as Decoo's <c>pinByHash</c> queue through the same worker).</param>
/// <param name="Attempts">Fetch attempts so far.</param>
public sealed record PinRequest(
    string OwnerId,
    string RequestId,
    DateTimeOffset Created,
    PinSpec Pin,
    PinRequestStatus Status,
    IReadOnlyDictionary<string, string> Info,
    string Source,
    int Attempts,
    DateTimeOffset UpdatedAt)
{
    /// <summary><c>info</c> key of the human-readable state (the spec's convention).</summary>
    public const string StatusDetailsKey = "status_details";

    /// <summary><c>info</c> key of the pinned DAG's size in bytes, blocks included (the spec's convention).</summary>
    public const string DagSizeKey = "dag_size";

    /// <summary>The row's ETag when read from storage.</summary>
    public string? ETag { get; init; }
}
