namespace FunctionsGateway.Core.Accounts;

/// <summary>The kinds of credential; later surfaces add theirs here.</summary>
public static class CredentialKinds
{
    /// <summary>The gateway's own bearer token (files API).</summary>
    public const string Bearer = "bearer";

    /// <summary>A Gateway3 access key and its secret (<c>/gw3</c>, spec/compat.md §4.1).</summary>
    public const string Gw3AccessKey = "gw3";
}
