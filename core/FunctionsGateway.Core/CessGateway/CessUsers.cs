using FunctionsGateway.Core.Accounts;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>A CESS user is an identity whose handle in the scheme <c>cess</c> is the mailbox.</summary>
public sealed class CessUsers(IdentityStore identities)
{
    /// <summary>The handle scheme of CESS users.</summary>
    public const string HandleScheme = "cess";

    /// <summary>The identity of <paramref name="mailbox"/>, created on first use; concurrent first uses agree on one.</summary>
    public async Task<GatewayIdentity> GetOrCreateAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        if (await identities.FindByHandleAsync(HandleScheme, mailbox, cancellationToken) is { } existing)
        {
            return existing;
        }

        var created = await identities.CreateAsync(mailbox, cancellationToken);
        if (await identities.SetHandleAsync(created.Id, HandleScheme, mailbox, cancellationToken))
        {
            return created;
        }

        // Another instance bound the mailbox first; its identity stands (ours stays without a handle).
        return await identities.FindByHandleAsync(HandleScheme, mailbox, cancellationToken)
            ?? throw new InvalidOperationException($"The handle of {mailbox} is taken but points nowhere.");
    }
}
