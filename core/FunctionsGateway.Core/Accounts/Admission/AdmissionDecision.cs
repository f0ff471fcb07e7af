namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// The answer of an <see cref="IAdmissionCheck"/>: admitted, or refused with a status, a stable code and a sentence
/// (each surface writes them in its own envelope). <see cref="Headers"/> go on the answer either way (for a rate limit:
/// <c>x-ratelimit-*</c>, and <c>Retry-After</c> when refused).
/// </summary>
public sealed record AdmissionDecision(bool Admitted, int Status, string Code, string Message, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Admitted with no headers to add.</summary>
    public static readonly AdmissionDecision Admit = new(true, 0, "", "", []);
}
