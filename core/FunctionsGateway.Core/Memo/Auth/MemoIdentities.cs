using FunctionsGateway.Core.Accounts;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// MEMO users as gateway identities: one identity per handle of the scheme <c>memo</c> — an EIP-55 address for
/// SIWE and Lens logins, a <c>did:memo:…</c> for DID logins — created on the first login.
/// </summary>
internal sealed class MemoIdentities(IdentityStore identities)
{
    /// <summary>The handle scheme.</summary>
    public const string Scheme = "memo";

    /// <summary>The identity id of a handle, created when it has none. Two first logins racing end in one identity.</summary>
    public async Task<string> GetOrCreateAsync(string handle, CancellationToken cancellationToken = default)
    {
        if (await identities.FindByHandleAsync(Scheme, handle, cancellationToken) is { } existing)
        {
            return existing.Id;
        }

        var created = await identities.CreateAsync(handle, cancellationToken);
        if (await identities.SetHandleAsync(created.Id, Scheme, handle, cancellationToken))
        {
            return created.Id;
        }

        // Another login bound the handle first; its identity wins (the one created here stays unused).
        return (await identities.FindByHandleAsync(Scheme, handle, cancellationToken))?.Id
            ?? throw new InvalidOperationException($"The handle {handle} is bound but its identity is missing.");
    }
}
