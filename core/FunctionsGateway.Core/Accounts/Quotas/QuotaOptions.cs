using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>
/// Usage metering and quotas, section <c>Gateway:Quotas</c>. Quotas themselves are per identity, set by operators
/// (<c>PUT /ops/identities/{id}/quota</c>); these settings say whether usage is metered at all and how long a period of
/// ingress, egress and request counting lasts.
/// </summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Gateway:Quotas";

    /// <summary>Meter usage and enforce quotas. Default true; false costs no storage access per request and refuses nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long ingress, egress and request counts run before they start again from zero. Default <see cref="QuotaPeriod.Month"/>.</summary>
    [EnumDataType(typeof(QuotaPeriod), ErrorMessage = "Gateway:Quotas:Period must be Month, Day or Never.")]
    public QuotaPeriod Period { get; set; } = QuotaPeriod.Month;
}

/// <summary>The counting period of ingress, egress and requests (UTC calendar).</summary>
public enum QuotaPeriod
{
    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar day.</summary>
    Day,

    /// <summary>Counts never start again.</summary>
    Never,
}
