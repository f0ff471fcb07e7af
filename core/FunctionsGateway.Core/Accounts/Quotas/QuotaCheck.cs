using FunctionsGateway.Core.Accounts.Admission;

namespace FunctionsGateway.Core.Accounts.Quotas;

/// <summary>
/// Quotas as an admission check, after the rate limit: counts the request in its identity's usage (refused, and not
/// counted, when the request quota of the period is used up) and refuses reads once the egress quota is used up (an
/// answer's size is only known once sent: the filter adds it afterwards). Refusals are 409 <c>quota_exceeded</c>,
/// which each surface writes in its own envelope. Anonymous requests have no usage.
/// </summary>
internal sealed class QuotaCheck(UsageStore usage) : IAdmissionCheck
{
    /// <summary>The stable code of a quota refusal.</summary>
    public const string Code = "quota_exceeded";

    public async Task<AdmissionDecision> CheckAsync(AdmissionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Anonymous || !usage.Enabled)
        {
            return AdmissionDecision.Admit;
        }

        var refusal = await usage.AdmitRequestAsync(request.IdentityId, request.Read, cancellationToken);
        return refusal is null
            ? AdmissionDecision.Admit
            : new AdmissionDecision(false, 409, Code, refusal.ToException().Message, []);
    }
}
