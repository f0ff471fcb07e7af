namespace FunctionsGateway.Benchmarks;

/// <summary>
/// The starts of one app: times from process start to the first 200 from GET / (the readiness ping) and from
/// /health, and the RSS at that point (median).
/// </summary>
internal sealed record ColdStartResult(string Name, Timings Ready, Timings Healthy, long MedianRssBytes);

/// <summary>Times of repeated starts.</summary>
internal sealed record Timings(IReadOnlyList<TimeSpan> Values)
{
    public TimeSpan Median => Percentile(50);

    public TimeSpan P90 => Percentile(90);

    public TimeSpan Min => Values.Min();

    public TimeSpan Max => Values.Max();

    /// <summary>Nearest-rank percentile; the median of an even count is the mean of the middle two.</summary>
    public TimeSpan Percentile(int percent)
    {
        var sorted = Values.Order().ToList();
        if (percent == 50 && sorted.Count % 2 == 0)
        {
            return (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
