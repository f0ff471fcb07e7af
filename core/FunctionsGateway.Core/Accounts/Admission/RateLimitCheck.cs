using System.Globalization;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// The rate limit as an admission check: counts the request in its identity's (or, anonymous, its client address's)
/// window for the route
/// (<see cref="RateLimiter"/>, limits from <see cref="RateLimitOptions"/>) and answers the <c>x-ratelimit-limit</c>,
/// <c>x-ratelimit-remaining</c> and <c>x-ratelimit-reset</c> (seconds until the window resets) headers; over the limit
/// → 429 <c>rate_limited</c> with <c>Retry-After</c>. A route without a limit is admitted without a storage access.
/// </summary>
internal sealed class RateLimitCheck(RateLimiter limiter, IOptions<RateLimitOptions> options, TimeProvider time) : IAdmissionCheck
{
    public const string LimitHeader = "x-ratelimit-limit";
    public const string RemainingHeader = "x-ratelimit-remaining";
    public const string ResetHeader = "x-ratelimit-reset";

    public async Task<AdmissionDecision> CheckAsync(AdmissionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        var limit = o.LimitFor(request.Route, request.Surface);
        if (limit <= 0)
        {
            return AdmissionDecision.Admit;
        }

        var result = await limiter.AcquireAsync(request.IdentityId, request.Route, limit, o.Window, cancellationToken);
        var reset = result.SecondsUntilReset(time.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> headers =
        [
            new(LimitHeader, result.Limit.ToString(CultureInfo.InvariantCulture)),
            new(RemainingHeader, result.Remaining.ToString(CultureInfo.InvariantCulture)),
            new(ResetHeader, reset),
        ];
        if (result.Allowed)
        {
            return new AdmissionDecision(true, 0, "", "", headers);
        }

        headers.Add(new("Retry-After", reset));
        return new AdmissionDecision(false, 429, "rate_limited",
            $"Rate limit of {result.Limit} requests per {o.Window} for this route exceeded; try again in {reset} s.", headers);
    }
}
