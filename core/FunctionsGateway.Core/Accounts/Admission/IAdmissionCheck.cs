namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// One check a request passes after authentication and before its function runs: rate limits
/// (<see cref="RateLimitCheck"/>), then quotas (<see cref="Quotas.QuotaCheck"/>). Checks run in registration order; the
/// first refusal answers.
/// Results are values, not exceptions (STYLE.md): a refusal is an expected outcome.
/// </summary>
public interface IAdmissionCheck
{
    Task<AdmissionDecision> CheckAsync(AdmissionRequest request, CancellationToken cancellationToken = default);
}
