namespace FunctionsGateway.Core.Accounts;

/// <summary>The kinds of credential; later surfaces add theirs here.</summary>
public static class CredentialKinds
{
    /// <summary>The gateway's own bearer token (files API).</summary>
    public const string Bearer = "bearer";
}
