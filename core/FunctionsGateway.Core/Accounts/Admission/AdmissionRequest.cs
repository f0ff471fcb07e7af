namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// What an admission check needs to know of a request: who makes it (an identity, or for an anonymous request its
/// client address, <see cref="Anonymous"/>), which function (route) it calls and which surface that belongs to, the body
/// length it declares (null when unknown) and whether it only reads (GET or HEAD).
/// </summary>
public sealed record AdmissionRequest(string IdentityId, string Route, string Surface, long? DeclaredLength = null)
{
    /// <summary>No identity: <see cref="IdentityId"/> names the client address (<c>ip:…</c>). Rate limits apply, quotas do not.</summary>
    public bool Anonymous { get; init; }

    /// <summary>A GET or HEAD.</summary>
    public bool Read { get; init; }
}
