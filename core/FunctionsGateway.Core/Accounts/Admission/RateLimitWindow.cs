namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// The state of one identity's counter for one route after a request was counted (or refused): the limit, what is
/// left of it, and when the window resets.
/// </summary>
public sealed record RateLimitWindow(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt)
{
    /// <summary>Whole seconds from <paramref name="now"/> until the reset, at least 1 (for <c>Retry-After</c>).</summary>
    public long SecondsUntilReset(DateTimeOffset now) => Math.Max(1, (long)Math.Ceiling((ResetAt - now).TotalSeconds));
}
