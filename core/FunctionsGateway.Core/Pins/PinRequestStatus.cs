namespace FunctionsGateway.Core.Pins;

/// <summary>
/// Where a pin request stands (the Pinning Service API's <c>Status</c>, spec/standards.md §1.2):
/// <c>queued</c> (waiting), <c>pinning</c> (being fetched), <c>pinned</c>, <c>failed</c>.
/// </summary>
public enum PinRequestStatus
{
    Queued,
    Pinning,
    Pinned,
    Failed,
}

/// <summary>The statuses' wire names.</summary>
public static class PinRequestStatuses
{
    public static readonly IReadOnlyList<PinRequestStatus> All = [PinRequestStatus.Queued, PinRequestStatus.Pinning, PinRequestStatus.Pinned, PinRequestStatus.Failed];

    public static string ToWire(this PinRequestStatus status) => status switch
    {
        PinRequestStatus.Queued => "queued",
        PinRequestStatus.Pinning => "pinning",
        PinRequestStatus.Pinned => "pinned",
        PinRequestStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? text, out PinRequestStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
