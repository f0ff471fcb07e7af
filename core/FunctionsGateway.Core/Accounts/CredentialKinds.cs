namespace FunctionsGateway.Core.Accounts;

/// <summary>The kinds of credential; later surfaces add theirs here.</summary>
public static class CredentialKinds
{
    /// <summary>The gateway's own bearer token (files API).</summary>
    public const string Bearer = "bearer";

    /// <summary>A MEMO access token (HS256 JWT, <c>type</c> 1), recorded by the SHA-256 of the whole token.</summary>
    public const string MemoAccess = "memo-access";

    /// <summary>A MEMO refresh token (HS256 JWT, <c>type</c> 2), recorded by the SHA-256 of the whole token.</summary>
    public const string MemoRefresh = "memo-refresh";

    /// <summary>A MEMO DID session (DID login), recorded by the SHA-256 of the DID and its session token.</summary>
    public const string MemoDidSession = "memo-did-session";

    /// <summary>A Gateway3 access key and its secret (<c>/gw3</c>, spec/compat.md §4.1).</summary>
    public const string Gw3AccessKey = "gw3";

    /// <summary>A Decoo API key (<c>/decoo</c>, spec/compat.md §3.1): an HS256 JWT, recorded by the SHA-256 of its <c>api_key</c> id, its secret sealed.</summary>
    public const string DecooApiKey = "decoo-api-key";

    /// <summary>A Decoo access token (<c>UserAccessToken</c>, 2 h), recorded by the SHA-256 of the token.</summary>
    public const string DecooAccessToken = "decoo-access";

    /// <summary>A CESS-Gateway token (the <c>/cess</c> surface): RSA-encrypted, Base58, sent raw in <c>Authorization</c>.</summary>
    public const string CessToken = "cess-token";
}
