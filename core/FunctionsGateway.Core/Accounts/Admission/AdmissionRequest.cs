namespace FunctionsGateway.Core.Accounts.Admission;

/// <summary>
/// What an admission check needs to know of a request: who makes it, which function (route) it calls and which
/// surface that belongs to, and the body length it declares (for quota checks; null when unknown).
/// </summary>
public sealed record AdmissionRequest(string IdentityId, string Route, string Surface, long? DeclaredLength = null);
