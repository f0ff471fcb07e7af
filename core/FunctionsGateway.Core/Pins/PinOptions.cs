using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Pins;

/// <summary>
/// Pin requests and the pin worker (spec/standards.md §1), section <c>Gateway:Pins</c>: the multiaddrs this gateway
/// hands out as <c>delegates</c>, how long a CID may take to be found, and how the worker polls and retries.
/// </summary>
public sealed class PinOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Pins";

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated PinOptionsValidator, not by reflection.";

    /// <summary>
    /// This gateway's IPFS node multiaddrs, each ending in <c>/p2p/{peer id}</c> (1–20), answered as every pin's
    /// <c>delegates</c>. Default none: the Pinning Service API then answers 503 until they are set.
    /// </summary>
    public List<string> Delegates { get; set; } = [];

    /// <summary>How long after its creation a pin whose content cannot be found is retried before it is <c>failed</c>. Default 1 day (Pinata's).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Gateway:Pins:FetchDeadline must be between 00:00:01 and 30.00:00:00.")]
    public TimeSpan FetchDeadline { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long one attempt may wait for the IPFS node to fetch and pin the DAG. Default 2 min.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Gateway:Pins:AttemptTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay before the second attempt; doubles per attempt up to <see cref="RetryMaxDelay"/>. Default 10 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Gateway:Pins:RetryBaseDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts. Default 10 min.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Gateway:Pins:RetryMaxDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a received pin job stays invisible to other workers while it runs. Default 10 min (more than <see cref="AttemptTimeout"/>).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "07.00:00:00", ErrorMessage = "Gateway:Pins:VisibilityTimeout must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>Auto</c> (default): poll the pin queue unless the Functions host delivers it; <c>On</c>; <c>Off</c>.</summary>
    public PushWorkerMode Worker { get; set; } = PushWorkerMode.Auto;

    /// <summary>How long the hosted poller waits when the queue is empty. Default 1 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Gateway:Pins:PollInterval must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The delegates that are set (an empty setting counts as none).</summary>
    public IReadOnlyList<string> EffectiveDelegates => [.. Delegates.Where(d => !string.IsNullOrWhiteSpace(d))];

    /// <summary>True when delegates are set.</summary>
    public bool HasDelegates => EffectiveDelegates.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var delegates = EffectiveDelegates;
        if (delegates.Count > PinSpec.MaxOrigins)
        {
            yield return new ValidationResult($"Gateway:Pins:Delegates may list at most {PinSpec.MaxOrigins} multiaddrs.", [nameof(Delegates)]);
        }

        foreach (var (delegateAddress, i) in delegates.Select((d, i) => (d, i)))
        {
            if (!Multiaddrs.IsPeerAddress(delegateAddress))
            {
                yield return new ValidationResult(
                    $"Gateway:Pins:Delegates:{i} (Gateway__Pins__Delegates__{i}) must be a multiaddr ending in /p2p/<peer id>, such as /ip4/203.0.113.1/tcp/4001/p2p/12D3KooW…; it is '{delegateAddress}'.",
                    [nameof(Delegates)]);
            }
        }

        if (delegates.Distinct(StringComparer.Ordinal).Count() != delegates.Count)
        {
            yield return new ValidationResult("Gateway:Pins:Delegates must not repeat a multiaddr.", [nameof(Delegates)]);
        }

        if (RetryBaseDelay > RetryMaxDelay)
        {
            yield return new ValidationResult("Gateway:Pins:RetryBaseDelay must not exceed Gateway:Pins:RetryMaxDelay.", [nameof(RetryBaseDelay)]);
        }
    }
}
